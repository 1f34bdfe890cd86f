package org.kinship.tracing.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.CandidateView;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestChange;
import org.kinship.tracing.TracingRequestPage;
import org.kinship.tracing.TracingRequestService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tracing-requests}: create (body {@code {"data": {...}}}), read, list, edit with
 * {@code If-Match: <version>}, history and the candidate cases of the sought children. The version travels as
 * the {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/tracing-requests")
class TracingRequestController {

    private final TracingRequestService requests;
    private final MatchReviewService review;

    TracingRequestController(TracingRequestService requests, MatchReviewService review) {
        this.requests = requests;
        this.review = review;
    }

    record Body(@Nullable Map<String, Object> data) {
    }

    @PostMapping
    ResponseEntity<TracingRequest> create(@AuthenticationPrincipal KinshipUser user, @RequestBody Body body,
            Locale locale) {
        TracingRequest created = requests.create(user, body.data() == null ? Map.of() : body.data(), locale);
        return ResponseEntity.created(URI.create("/api/v1/tracing-requests/" + created.id())).eTag(etag(created))
                .body(created);
    }

    @GetMapping
    TracingRequestPage list(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return requests.list(user, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<TracingRequest> get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        TracingRequest request = requests.get(user, id);
        return ResponseEntity.ok().eTag(etag(request)).body(request);
    }

    @PatchMapping("/{id}")
    ResponseEntity<TracingRequest> edit(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Body body, Locale locale) {
        long version = version(ifMatch);
        TracingRequest request = requests.update(user, id, version, body.data() == null ? Map.of() : body.data(),
                locale);
        return ResponseEntity.ok().eTag(etag(request)).body(request);
    }

    @GetMapping("/{id}/history")
    List<TracingRequestChange> history(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return requests.history(user, id);
    }

    @GetMapping("/{id}/matches")
    List<CandidateView> matches(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return review.forRequest(user, id);
    }

    private static long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new TracingProblemHandler.PreconditionRequired();
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new TracingProblemHandler.PreconditionRequired();
        }
    }

    private static String etag(TracingRequest request) {
        return "\"" + request.version() + "\"";
    }
}
