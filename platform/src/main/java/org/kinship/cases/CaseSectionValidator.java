package org.kinship.cases;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Port: checks a section's data against the published form version the save uses ({@code section.formVersion()}
 * is always a published version here, never {@link ModuleSection#LATEST}). The implementation is the forms
 * engine's ({@code FormSectionValidator}: {@code FormDefinitionService.validateData} with each {@code FormProblem}
 * turned into a {@link FieldProblem}); the structural guard (keys, nesting, size) always runs before it.
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
