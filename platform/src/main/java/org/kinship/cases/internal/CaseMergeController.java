package org.kinship.cases.internal;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseMergeService;
import org.kinship.cases.CaseMergeService.MergePreview;
import org.kinship.cases.CaseMergeService.MergeRequest;
import org.kinship.cases.CaseMergeService.Side;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.security.KinshipUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{id}/merge}: the differing fields of a duplicate side by side ({@code GET ?duplicateId=}),
 * and the merge of the duplicate into the case, with the versions of both as the user saw them and a choice per
 * differing field ({@code POST}).
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/merge")
class CaseMergeController {

    private final CaseMergeService merges;

    CaseMergeController(CaseMergeService merges) {
        this.merges = merges;
    }

    record MergeBody(@Nullable String duplicateId, @Nullable Long version, @Nullable Long duplicateVersion,
                     @Nullable Map<String, Side> choices, @Nullable String reason) {
    }

    @GetMapping
    MergePreview preview(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestParam String duplicateId) {
        return merges.preview(user, id, duplicateId);
    }

    @PostMapping
    ResponseEntity<CaseFile> merge(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody MergeBody body, Locale locale) {
        if (body.duplicateId() == null || body.version() == null || body.duplicateVersion() == null) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.merge.incomplete");
        }
        MergeRequest request = new MergeRequest(body.duplicateId(), body.version(), body.duplicateVersion(),
                body.choices() == null ? Map.of() : body.choices(), body.reason());
        return CaseController.withVersion(merges.merge(user, id, request, locale));
    }
}
