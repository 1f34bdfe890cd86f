package org.kinship.forms.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormSummary;
import org.kinship.forms.FormVersion;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.InvalidFormDefinitionException;
import org.kinship.security.KinshipUser;
import org.springframework.http.HttpHeaders;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/forms}: administrators create, change, import and publish definitions; every signed-in
 * user lists forms and reads published versions. Bodies are read as text so that a body that is not JSON
 * is reported as a definition problem (422), not as a server error.
 */
@RestController
@RequestMapping("/api/v1/forms")
class FormController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final FormDefinitionService forms;

    FormController(FormDefinitionService forms) {
        this.forms = forms;
    }

    /** Administrators see every form; other users only forms with a published version. */
    @GetMapping
    List<FormSummary> list(@AuthenticationPrincipal KinshipUser user) {
        return forms.list().stream()
                .filter(form -> ApiAccess.isAdministrator(user) || form.latestVersion() != null).toList();
    }

    @GetMapping("/{formId}")
    ResponseEntity<FormView> get(@PathVariable String formId, @AuthenticationPrincipal KinshipUser user) {
        FormDraft draft = forms.draft(formId);
        VersionView published = forms.latestVersion(formId).map(VersionView::of).orElse(null);
        DraftView draftView = ApiAccess.isAdministrator(user) ? DraftView.of(draft) : null;
        if (draftView == null && published == null) {
            throw new FormNotFoundException(formId, null);
        }
        return ResponseEntity.ok().eTag(ApiAccess.etag(draft.version())).body(new FormView(formId, draftView, published));
    }

    @PostMapping
    ResponseEntity<DraftView> create(@RequestBody String body, @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        FormDraft draft = forms.create(body, user.username(), locale);
        return ResponseEntity.created(URI.create("/api/v1/forms/" + draft.id())).eTag(ApiAccess.etag(draft.version()))
                .body(DraftView.of(draft));
    }

    @PutMapping("/{formId}")
    ResponseEntity<DraftView> update(@PathVariable String formId, @RequestBody String body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        FormDraft draft = forms.updateDraft(formId, body, ApiAccess.ifMatch(ifMatch), user.username(), locale);
        return ResponseEntity.ok().eTag(ApiAccess.etag(draft.version())).body(DraftView.of(draft));
    }

    @PostMapping("/{formId}/publish")
    ResponseEntity<VersionView> publish(@PathVariable String formId, @AuthenticationPrincipal KinshipUser user,
            Locale locale) {
        ApiAccess.requireAdministrator(user);
        FormVersion version = forms.publish(formId, user.username(), locale);
        return ResponseEntity.created(URI.create("/api/v1/forms/" + formId + "/versions/" + version.version()))
                .body(VersionView.of(version));
    }

    @GetMapping("/{formId}/versions")
    List<VersionSummary> versions(@PathVariable String formId) {
        return forms.versions(formId).stream()
                .map(v -> new VersionSummary(v.formId(), v.version(), v.publishedAt(), v.publishedBy())).toList();
    }

    @GetMapping("/{formId}/versions/{version}")
    VersionView version(@PathVariable String formId, @PathVariable int version) {
        return VersionView.of(forms.version(new FormVersionRef(formId, version)));
    }

    /** A published version's schema file. */
    @GetMapping("/{formId}/versions/{version}/export")
    ResponseEntity<String> exportVersion(@PathVariable String formId, @PathVariable int version) {
        FormVersion published = forms.version(new FormVersionRef(formId, version));
        return ResponseEntity.ok().contentType(SCHEMA_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + formId + "-v" + version + ".schema.json\"").body(published.schemaJson());
    }

    @GetMapping("/{formId}/diff")
    FormDiff diff(@PathVariable String formId, @RequestParam int from, @RequestParam int to) {
        return forms.diff(formId, from, to);
    }

    /** The draft's schema file, exactly as saved. */
    @GetMapping("/{formId}/export")
    ResponseEntity<String> export(@PathVariable String formId, @AuthenticationPrincipal KinshipUser user) {
        ApiAccess.requireAdministrator(user);
        FormDraft draft = forms.draft(formId);
        return ResponseEntity.ok().contentType(SCHEMA_JSON).eTag(ApiAccess.etag(draft.version()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + formId + ".schema.json\"")
                .body(draft.schemaJson());
    }

    @PostMapping("/import")
    ResponseEntity<DraftView> importDefinition(@RequestBody String body, @AuthenticationPrincipal KinshipUser user,
            Locale locale) {
        ApiAccess.requireAdministrator(user);
        FormDraft draft = forms.importDefinition(body, user.username(), locale);
        return ResponseEntity.ok().eTag(ApiAccess.etag(draft.version())).body(DraftView.of(draft));
    }

    /** Checks a definition and stores nothing: 200 with warnings, or 422 with every error. */
    @PostMapping("/validate")
    Map<String, Object> validate(@RequestBody String body, @AuthenticationPrincipal KinshipUser user, Locale locale) {
        ApiAccess.requireAdministrator(user);
        DefinitionReport report = forms.validate(body, locale);
        if (!report.valid()) {
            throw new InvalidFormDefinitionException(report);
        }
        return Map.of("valid", true, "warnings", report.warnings());
    }

    record FormView(String formId, @Nullable DraftView draft, @Nullable VersionView published) {
    }

    record DraftView(String formId, long version, Instant updatedAt, String updatedBy, JsonNode schema) {
        static DraftView of(FormDraft draft) {
            return new DraftView(draft.id(), draft.version(), draft.updatedAt(), draft.updatedBy(),
                    Json.read(draft.schemaJson()).orElseThrow());
        }
    }

    record VersionView(String formId, int version, Instant publishedAt, String publishedBy, JsonNode schema) {
        static VersionView of(FormVersion version) {
            return new VersionView(version.formId(), version.version(), version.publishedAt(), version.publishedBy(),
                    Json.read(version.schemaJson()).orElseThrow());
        }
    }

    record VersionSummary(String formId, int version, Instant publishedAt, String publishedBy) {
    }
}
