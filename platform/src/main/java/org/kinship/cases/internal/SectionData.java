package org.kinship.cases.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseSectionValidator;
import org.kinship.cases.FieldProblem;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.SectionValidation;
import org.kinship.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/** Section data on its way in: structural guard first, then the section's form, then the size limit. */
@Component
class SectionData {

    private final CaseDataGuard guard;
    private final CaseSectionValidator validator;

    SectionData(CaseDataGuard guard, CaseSectionValidator validator) {
        this.guard = guard;
        this.validator = validator;
    }

    /** The data to store; throws when anything is wrong with it, before anything is written. */
    Map<String, Object> validated(ModuleSection section, Map<String, Object> data,
            @Nullable Map<String, Object> previous, Locale requested) {
        Locale locale = SupportedLocales.bestMatch(requested);
        List<FieldProblem> problems = guard.check(data, locale);
        if (!problems.isEmpty()) {
            throw new InvalidCaseDataException(problems);
        }
        guard.requireWithinSize(data);
        SectionValidation validation = validator.validate(section, data, previous, locale);
        if (!validation.valid()) {
            throw new InvalidCaseDataException(validation.problems());
        }
        guard.requireWithinSize(validation.data());
        return validation.data();
    }
}
