package org.kinship.ui.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseView;
import org.kinship.cases.IndexedFields;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.CandidateView;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.MatchReviewService;
import org.kinship.tracing.ProfileKind;

/**
 * The duplicate check of registration: the tracing feature's matching engine
 * ({@link MatchReviewService#likelyDuplicates}) looks for likely and possible duplicates of the data not yet
 * saved among the cases within the user's scope. It compares cases of every consent (a duplicate is the same
 * child registered twice by the agencies the user works for, not tracing), so consent for tracing does not
 * matter here. What the dialog shows of each candidate is read again through {@link CaseFileService#view}: the
 * case as this user may see it, with sensitive values they may not see masked, never the engine's raw names.
 */
final class DuplicateCheck {

    /** One likely duplicate as the user may see it; {@code name}, {@code sex} or {@code age} null when masked. */
    record Duplicate(String caseId, String caseNumber, @Nullable String name, boolean nameMasked,
            @Nullable String sex, boolean sexMasked, @Nullable Integer age, boolean ageMasked, MatchLabel label,
            double score) {
    }

    private final MatchReviewService review;
    private final CaseFileService cases;
    private final KinshipUser user;
    private final IndexedFields fields;
    private final String registrationSection;

    DuplicateCheck(MatchReviewService review, CaseFileService cases, KinshipUser user, IndexedFields fields,
            String registrationSection) {
        this.review = review;
        this.cases = cases;
        this.user = user;
        this.fields = fields;
        this.registrationSection = registrationSection;
    }

    /** The likely and possible duplicates of the registration data, best first; none when no name is filled. */
    List<Duplicate> find(Map<String, Object> data, LocalDate today) {
        String name = fields.names().stream().map(data::get).filter(Objects::nonNull).map(Object::toString)
                .map(String::strip).filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        if (name.isEmpty()) {
            return List.of();
        }
        Integer age = data.get(fields.age()) instanceof Number number ? Integer.valueOf(number.intValue())
                : fields.estimatedAge() != null && data.get(fields.estimatedAge()) instanceof Number estimated
                        ? Integer.valueOf(estimated.intValue()) : null;
        List<CandidateView> candidates = review.likelyDuplicates(user, name, text(data.get(fields.sex())), age,
                text(data.get(fields.dateOfBirth())));
        List<Duplicate> duplicates = new ArrayList<>();
        for (CandidateView candidate : candidates) {
            if (candidate.candidateKind() != ProfileKind.CASE || candidate.label() == MatchLabel.UNLIKELY) {
                continue;
            }
            CaseView view;
            try {
                view = cases.view(user, candidate.recordId());
            } catch (CaseNotFoundException outsideScope) {
                continue;
            }
            duplicates.add(duplicate(view, candidate, today));
        }
        return duplicates;
    }

    private Duplicate duplicate(CaseView view, CandidateView candidate, LocalDate today) {
        CaseFile file = view.file();
        boolean registrationHidden = view.section(registrationSection).isEmpty();
        List<String> masked = SectionAccess.maskedOf(view, registrationSection);
        boolean nameMasked = registrationHidden || fields.names().stream().anyMatch(masked::contains);
        boolean sexMasked = registrationHidden || masked.contains(fields.sex());
        Integer age = CaseFiles.age(file, fields, today).orElse(null);
        boolean ageMasked = age == null && (registrationHidden || masked.contains(fields.age())
                || masked.contains(fields.dateOfBirth())
                || (fields.estimatedAge() != null && masked.contains(fields.estimatedAge())));
        return new Duplicate(file.id(), file.caseNumber(), nameMasked ? null : CaseFiles.name(file, fields),
                nameMasked, sexMasked ? null : file.value(fields.sex()).map(Object::toString).orElse(null),
                sexMasked, age, ageMasked, candidate.label(), candidate.score());
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static String score(double score, Locale locale) {
        return String.format(locale, "%.1f", score);
    }
}
