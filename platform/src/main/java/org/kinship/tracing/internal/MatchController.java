package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.CandidateView;
import org.kinship.tracing.DuplicatePair;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.MatchWeights;
import org.kinship.tracing.MatchingJob;
import org.kinship.tracing.MatchingJobService;
import org.kinship.tracing.MatchingSettingsService;
import org.kinship.tracing.MatchingSettingsVersion;
import org.kinship.tracing.PersonHit;
import org.kinship.tracing.PotentialMatch;
import org.kinship.tracing.TracingRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review of potential matches and the matching engine's administration: candidates of a case, confirm and
 * reject, duplicates of an unsaved child, person search, weights and thresholds, bulk re-matching and the
 * duplicate scan.
 */
@RestController
class MatchController {

    private final MatchReviewService review;
    private final MatchingSettingsService settings;
    private final MatchingJobService jobs;

    MatchController(MatchReviewService review, MatchingSettingsService settings, MatchingJobService jobs) {
        this.review = review;
        this.settings = settings;
        this.jobs = jobs;
    }

    record Review(@Nullable String comment) {
    }

    /** One agreement level of one field: its probabilities and the weight in bits they give. */
    record Level(MatchField field, Agreement agreement, double m, double u, double weight) {
    }

    /**
     * Frequency-based name weights (ADR 0024) and the bits of each agreeing name part beyond two (ADR 0032); an absent
     * value takes the default.
     */
    record NameFrequency(@Nullable Double strength, @Nullable Double limit, @Nullable Double furtherPart) {

        MatchWeights.NameFrequency weights() {
            MatchWeights.NameFrequency defaults = MatchWeights.NameFrequency.defaults();
            return new MatchWeights.NameFrequency(strength == null ? defaults.strength() : strength,
                    limit == null ? defaults.limit() : limit,
                    furtherPart == null ? defaults.furtherPart() : furtherPart);
        }
    }

    /** @param nameFrequency frequency-based name weights (ADR 0024); absent: the defaults */
    record Settings(double likelyThreshold, double possibleThreshold, List<Level> levels,
                    @Nullable NameFrequency nameFrequency, long version) {
    }

    @GetMapping("/api/v1/cases/{id}/matches")
    List<CandidateView> caseMatches(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return review.forCase(user, id);
    }

    @PostMapping("/api/v1/matches/{id}/confirm")
    PotentialMatch confirm(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable Review body) {
        return review.confirm(user, id, body == null ? null : body.comment());
    }

    @PostMapping("/api/v1/matches/{id}/reject")
    PotentialMatch reject(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable Review body) {
        return review.reject(user, id, body == null ? null : body.comment());
    }

    @GetMapping("/api/v1/cases/duplicates")
    List<CandidateView> duplicates(@AuthenticationPrincipal KinshipUser user, @RequestParam String name,
            @RequestParam(required = false) @Nullable String sex, @RequestParam(required = false) @Nullable Integer age,
            @RequestParam(name = "dateOfBirth", required = false) @Nullable String dateOfBirth) {
        return review.likelyDuplicates(user, name, sex, age, dateOfBirth);
    }

    @GetMapping("/api/v1/search/persons")
    List<PersonHit> search(@AuthenticationPrincipal KinshipUser user, @RequestParam String q,
            @RequestParam(defaultValue = "20") int limit) {
        return review.searchPersons(user, q, limit);
    }

    @GetMapping("/api/v1/matching/settings")
    Settings settings(@AuthenticationPrincipal KinshipUser user) {
        return body(settings.current(user));
    }

    @PutMapping("/api/v1/matching/settings")
    Settings updateSettings(@AuthenticationPrincipal KinshipUser user, @RequestBody Settings body) {
        MatchWeights weights;
        try {
            EnumMap<MatchField, Map<Agreement, MatchWeights.Probabilities>> levels = new EnumMap<>(MatchField.class);
            for (Level level : body.levels() == null ? List.<Level>of() : body.levels()) {
                levels.computeIfAbsent(level.field(), f -> new EnumMap<>(Agreement.class))
                        .put(level.agreement(), new MatchWeights.Probabilities(level.m(), level.u()));
            }
            MatchWeights.NameFrequency frequency = body.nameFrequency() == null
                    ? MatchWeights.NameFrequency.defaults() : body.nameFrequency().weights();
            weights = new MatchWeights(levels, body.likelyThreshold(), body.possibleThreshold(), frequency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TracingRefusedException(TracingRefusedException.Reason.UNPROCESSABLE, "tracing.settings.invalid");
        }
        return body(settings.update(user, weights, body.version()));
    }

    @PostMapping("/api/v1/matching/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MatchingJob rebuild(@AuthenticationPrincipal KinshipUser user) {
        return jobs.start(user, MatchingJob.Kind.REMATCH);
    }

    @GetMapping("/api/v1/matching/rebuild")
    MatchingJob rebuildProgress(@AuthenticationPrincipal KinshipUser user) {
        return jobs.progress(user, MatchingJob.Kind.REMATCH);
    }

    @PostMapping("/api/v1/matching/duplicate-scan")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MatchingJob scan(@AuthenticationPrincipal KinshipUser user) {
        return jobs.start(user, MatchingJob.Kind.DUPLICATE_SCAN);
    }

    @GetMapping("/api/v1/matching/duplicate-scan")
    MatchingJob scanProgress(@AuthenticationPrincipal KinshipUser user) {
        return jobs.progress(user, MatchingJob.Kind.DUPLICATE_SCAN);
    }

    @GetMapping("/api/v1/matching/duplicates")
    List<DuplicatePair> duplicatePairs(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(defaultValue = "100") int limit) {
        return review.duplicatePairs(user, Math.max(1, Math.min(limit, 500)));
    }

    private static Settings body(MatchingSettingsVersion stored) {
        List<Level> levels = new ArrayList<>();
        for (MatchField field : MatchField.values()) {
            stored.weights().probabilities().getOrDefault(field, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> levels.add(new Level(field, e.getKey(), e.getValue().m(), e.getValue().u(),
                            e.getValue().weight())));
        }
        MatchWeights.NameFrequency frequency = stored.weights().nameFrequency();
        return new Settings(stored.weights().likelyThreshold(), stored.weights().possibleThreshold(), levels,
                new NameFrequency(frequency.strength(), frequency.limit(), frequency.furtherPart()), stored.version());
    }
}
