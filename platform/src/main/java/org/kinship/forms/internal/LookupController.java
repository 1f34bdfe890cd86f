package org.kinship.forms.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormProblem;
import org.kinship.forms.InvalidLookupException;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/lookups}: everyone signed in reads; administrators create, change, import, retire and
 * delete values (409 when a value is in use: retire it instead).
 */
@RestController
@RequestMapping("/api/v1/lookups")
class LookupController {

    private final LookupService lookups;

    LookupController(LookupService lookups) {
        this.lookups = lookups;
    }

    @GetMapping
    List<Lookup> list() {
        return lookups.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<Lookup> get(@PathVariable String id) {
        Lookup lookup = lookups.get(id);
        return ResponseEntity.ok().eTag(ApiAccess.etag(lookup.version())).body(lookup);
    }

    @PostMapping
    ResponseEntity<Lookup> create(@RequestBody String body, @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        Lookup created = lookups.create(read(body), locale);
        return ResponseEntity.created(URI.create("/api/v1/lookups/" + created.id()))
                .eTag(ApiAccess.etag(created.version())).body(created);
    }

    /** Replaces the lookup; the version is {@code If-Match} when sent, else the body's {@code version}. */
    @PutMapping("/{id}")
    ResponseEntity<Lookup> update(@PathVariable String id, @RequestBody String body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        Lookup lookup = read(body);
        Long expected = ApiAccess.ifMatch(ifMatch);
        Lookup changed = new Lookup(id, lookup.name(), lookup.values(), expected != null ? expected : lookup.version());
        Lookup stored = lookups.update(changed, locale);
        return ResponseEntity.ok().eTag(ApiAccess.etag(stored.version())).body(stored);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<String> export(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".lookup.json\"")
                .body(lookups.export(id));
    }

    @PostMapping("/import")
    Lookup importLookup(@RequestBody String body, @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        return lookups.importLookup(body, locale);
    }

    @PostMapping("/{id}/values/{value}/retire")
    Lookup retire(@PathVariable String id, @PathVariable String value, @AuthenticationPrincipal KinshipUser user) {
        ApiAccess.requireAdministrator(user);
        return lookups.retireValue(id, value);
    }

    @DeleteMapping("/{id}/values/{value}")
    Lookup delete(@PathVariable String id, @PathVariable String value, @AuthenticationPrincipal KinshipUser user) {
        ApiAccess.requireAdministrator(user);
        return lookups.deleteValue(id, value);
    }

    /** The lookup in the body; the problem's message is filled in by {@link FormsProblemHandler}. */
    private static Lookup read(String body) {
        return LookupChecks.read(body, new Problems()).orElseThrow(() -> new InvalidLookupException(List.of(
                new FormProblem("", "forms.lookup.notJson", ""))));
    }
}
