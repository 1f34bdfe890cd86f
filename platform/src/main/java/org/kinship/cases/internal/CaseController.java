package org.kinship.cases.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseView;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.FieldChange;
import org.kinship.security.KinshipUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases}: register, read, edit a section (with {@code If-Match: <version>}), history, close
 * and reopen. Every answer with a case carries its version as the {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseFileService cases;

    CaseController(CaseFileService cases) {
        this.cases = cases;
    }

    record Registration(String module, Map<String, Object> data) {
    }

    record SectionEdit(@Nullable String section, Map<String, Object> data) {
    }

    record Reason(@Nullable String reason) {
    }

    @PostMapping
    ResponseEntity<CaseFile> register(@AuthenticationPrincipal KinshipUser user, @RequestBody Registration body,
            Locale locale) {
        CaseFile file = cases.register(user, body.module(), body.data() == null ? Map.of() : body.data(), locale);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + file.id())).eTag(etag(file)).body(file);
    }

    /**
     * The case as the user may see it (hidden sections and masked values left out, ADR 0010), with
     * {@code sectionAccess}: per visible section its form, the version a save uses now, {@code EDIT} or
     * {@code READ}, and the fields whose values are masked.
     */
    record CaseResponse(@JsonUnwrapped CaseFile file, List<CaseView.SectionView> sectionAccess) {
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseResponse> get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        CaseView view = cases.view(user, id);
        return ResponseEntity.ok().eTag(etag(view.file())).body(new CaseResponse(view.file(), view.sections()));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CaseFile> edit(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SectionEdit body, Locale locale) {
        Long version = Versions.parse(ifMatch);
        if (version == null) {
            throw new Versions.PreconditionRequired();
        }
        return withVersion(cases.editSection(user, id, version, body.section(),
                body.data() == null ? Map.of() : body.data(), locale));
    }

    @GetMapping("/{id}/history")
    List<FieldChange> history(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return cases.history(user, id);
    }

    @PostMapping("/{id}/close")
    ResponseEntity<CaseFile> close(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Reason body) {
        return withVersion(cases.close(user, id, Versions.parse(ifMatch), body.reason() == null ? "" : body.reason()));
    }

    @PostMapping("/{id}/reopen")
    ResponseEntity<CaseFile> reopen(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        return withVersion(cases.reopen(user, id, Versions.parse(ifMatch), body == null ? null : body.reason()));
    }

    static ResponseEntity<CaseFile> withVersion(CaseFile file) {
        return ResponseEntity.status(HttpStatus.OK).eTag(etag(file)).body(file);
    }

    static String etag(CaseFile file) {
        return "\"" + file.version() + "\"";
    }
}
