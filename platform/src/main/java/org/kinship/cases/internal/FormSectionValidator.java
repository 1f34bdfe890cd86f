package org.kinship.cases.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseSectionValidator;
import org.kinship.cases.FieldProblem;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.SectionValidation;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.ValidatedData;
import org.springframework.stereotype.Component;

/**
 * Section data checked by the forms engine against the section's published form version: JSON Schema and the
 * kinship rules, calculations applied and fields hidden by a condition removed; every problem becomes a
 * {@link FieldProblem} with the same JSON Pointer and the translated message.
 */
@Component
class FormSectionValidator implements CaseSectionValidator {

    private final FormDefinitionService forms;
    private final SectionForms sectionForms;

    FormSectionValidator(FormDefinitionService forms, SectionForms sectionForms) {
        this.forms = forms;
        this.sectionForms = sectionForms;
    }

    @Override
    public SectionValidation validate(ModuleSection section, Map<String, Object> data,
            @Nullable Map<String, Object> previous, Locale locale) {
        FormVersionRef ref = section.followsLatest() ? sectionForms.require(section)
                : new FormVersionRef(section.formId(), section.formVersion());
        ValidatedData validated = forms.validateData(ref, data, previous, locale);
        List<FieldProblem> problems = validated.problems().stream()
                .map(problem -> new FieldProblem(problem.path(), problem.message())).toList();
        return new SectionValidation(validated.data(), problems);
    }
}
