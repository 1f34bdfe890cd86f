package org.kinship.referrals.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.referrals.ProviderDetails;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ReferralType;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.referrals.ServiceProvider;
import org.kinship.referrals.ServiceType;
import org.kinship.security.KinshipUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service directory: {@code /api/v1/services} (service types), {@code /api/v1/providers} (search, create,
 * change with {@code If-Match}, spreadsheet import and export) and {@code /api/v1/referral-types}.
 */
@RestController
@RequestMapping("/api/v1")
class DirectoryController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ServiceDirectory directory;
    private final ReferralService referrals;

    DirectoryController(ServiceDirectory directory, ReferralService referrals) {
        this.directory = directory;
        this.referrals = referrals;
    }

    record NewServiceType(@Nullable String code, @Nullable Map<String, String> label) {
    }

    @GetMapping("/services")
    List<ServiceType> serviceTypes() {
        return directory.serviceTypes();
    }

    @PostMapping("/services")
    ResponseEntity<ServiceType> addServiceType(@AuthenticationPrincipal KinshipUser user,
            @RequestBody NewServiceType body, Locale locale) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directory.addServiceType(user,
                String.valueOf(body.code()), body.label() == null ? Map.of() : body.label(), locale));
    }

    @GetMapping("/providers")
    List<ServiceProvider> providers(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String location) {
        return directory.search(q, service, location);
    }

    @GetMapping("/providers/{id}")
    ResponseEntity<ServiceProvider> provider(@PathVariable String id) {
        ServiceProvider provider = directory.provider(id)
                .orElseThrow(() -> new ReferralRefusedException(Reason.NOT_FOUND, "referrals.provider.notFound"));
        return ResponseEntity.ok().eTag(String.valueOf(provider.version())).body(provider);
    }

    @PostMapping("/providers")
    ResponseEntity<ServiceProvider> create(@AuthenticationPrincipal KinshipUser user,
            @RequestBody ProviderDetails body, Locale locale) {
        ServiceProvider created = directory.create(user, body, locale);
        return ResponseEntity.created(URI.create("/api/v1/providers/" + created.id()))
                .eTag(String.valueOf(created.version())).body(created);
    }

    @PutMapping("/providers/{id}")
    ResponseEntity<ServiceProvider> update(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProviderDetails body, Locale locale) {
        ServiceProvider updated = directory.update(user, id, version(ifMatch), body, locale);
        return ResponseEntity.ok().eTag(String.valueOf(updated.version())).body(updated);
    }

    @GetMapping("/providers/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format) {
        byte[] sheet = directory.exportSheet(format(format));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.equals("csv") ? "text/csv;charset=UTF-8" : XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("service-directory." + format).build().toString())
                .body(sheet);
    }

    @PostMapping(path = "/providers/import", consumes = MediaType.ALL_VALUE)
    Map<String, Object> importSheet(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestBody byte[] content, Locale locale) {
        String chosen = format != null ? format
                : contentType != null && contentType.startsWith("text/csv") ? "csv" : "xlsx";
        return Map.of("imported", directory.importSheet(user, content, format(chosen), locale).size());
    }

    @GetMapping("/referral-types")
    List<ReferralType> referralTypes() {
        return referrals.types();
    }

    @PutMapping("/referral-types/{id}")
    ReferralType saveReferralType(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody ReferralType body) {
        return referrals.saveType(user, new ReferralType(id, body.label(), body.sectionIds(), body.version()));
    }

    private static String format(String format) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.sheet.format", format);
        }
        return format;
    }

    static long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.ifMatch.required");
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.ifMatch.required");
        }
    }
}
