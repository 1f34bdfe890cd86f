package org.kinship.cases;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Port: checks a section's data against the published form version the module names for it. The forms
 * engine's adapter is {@code FormDefinitionService.validateData(new FormVersionRef(section.formId(),
 * section.formVersion()), data, previous, locale)} with each {@code FormProblem} turned into a
 * {@link FieldProblem}. The default implementation only checks structure (keys, nesting), so this feature
 * runs on its own.
 */
public interface CaseSectionValidator {

    /**
     * @param data     the whole section as it would be stored (stored data merged with the change)
     * @param previous the section's data as stored before, {@code null} at registration
     * @return the data to store (hidden fields stripped, calculations applied) and every problem, translated
     */
    SectionValidation validate(ModuleSection section, Map<String, Object> data,
            @Nullable Map<String, Object> previous, Locale locale);
}
