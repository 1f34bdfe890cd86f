package org.kinship.cases.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.security.KinshipUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notes ({@code POST /api/v1/cases/{id}/notes {text}}), flags ({@code POST .../flags {reason}}) and their
 * resolution ({@code POST .../flags/{flagId}/resolve {comment}}). {@code If-Match} is optional: these only
 * add to a case. Each answers the whole case (201 for a new note or flag).
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseNoteFlagController {

    private final CaseFileService cases;

    CaseNoteFlagController(CaseFileService cases) {
        this.cases = cases;
    }

    record Text(@Nullable String text, @Nullable String reason, @Nullable String comment) {
    }

    @PostMapping("/notes")
    ResponseEntity<CaseFile> note(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Text body) {
        return created(cases.addNote(user, id, Versions.parse(ifMatch), orEmpty(body.text())));
    }

    @PostMapping("/flags")
    ResponseEntity<CaseFile> flag(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Text body) {
        return created(cases.flag(user, id, Versions.parse(ifMatch), orEmpty(body.reason())));
    }

    @PostMapping("/flags/{flagId}/resolve")
    ResponseEntity<CaseFile> resolve(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @PathVariable String flagId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Text body) {
        return CaseController.withVersion(cases.resolveFlag(user, id, Versions.parse(ifMatch), flagId,
                orEmpty(body.comment())));
    }

    private static ResponseEntity<CaseFile> created(CaseFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).eTag(CaseController.etag(file)).body(file);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
