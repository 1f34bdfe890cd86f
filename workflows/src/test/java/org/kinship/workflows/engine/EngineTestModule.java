package org.kinship.workflows.engine;

import java.util.List;
import java.util.Map;

import java.util.Locale;

import org.kinship.cases.CaseFiles;
import org.kinship.cases.CaseForms;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;

/**
 * The child protection module with a section for every form key of the standard process (registration, initial
 * assessment, case plan, follow-up, closure), as an installation that runs the process configures it. Registration
 * uses the platform's test registration form ({@link CaseForms}); every other section a small published form with
 * the one required text field the tests fill (an unfilled section is invalid, as the process expects).
 */
final class EngineTestModule {

    static final List<String> SECTIONS = List.of("registration", "initial_assessment", "case_plan", "follow_up",
            "closure");

    /** The required field of each section's test form. */
    static final Map<String, String> FIELDS = Map.of("initial_assessment", "concerns", "case_plan", "goal",
            "follow_up", "visit", "closure", "closure_reason");

    private static final String USER = "engine-tests";

    private EngineTestModule() {
    }

    static synchronized void install(RecordModuleService modules, FormDefinitionService forms,
            LookupService lookups) {
        CaseForms.publish(forms, lookups);
        Map<String, Integer> versions = new java.util.HashMap<>();
        versions.put("registration", forms.latestVersion("registration").orElseThrow().version());
        FIELDS.forEach((section, field) -> {
            String formId = "cp_" + section;
            if (forms.latestVersion(formId).isEmpty()) {
                forms.importDefinition(form(formId, field), USER, Locale.ENGLISH);
                forms.publish(formId, USER, Locale.ENGLISH);
            }
            versions.put(section, forms.latestVersion(formId).orElseThrow().version());
        });
        RecordModule current = modules.find(CaseFiles.MODULE).orElseThrow();
        List<ModuleSection> sections = new java.util.ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            String section = SECTIONS.get(i);
            sections.add(new ModuleSection(section, section.equals("registration") ? section : "cp_" + section,
                    versions.get(section), i + 1, Map.of("en", section)));
        }
        if (current.sections().equals(sections)) {
            return;
        }
        modules.save(new RecordModule(current.id(), current.recordType(), current.name(), sections, "registration",
                current.numberPattern(), "childProtectionCase", IndexedFields.standard(), current.version()));
    }

    private static String form(String formId, String field) {
        String label = "{\"en\": \"%s\", \"fr\": \"%s\", \"es\": \"%s\", \"ar\": \"%s\"}"
                .formatted(field, field, field, field);
        return """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://kinship.example/tests/engine/%1$s",
                  "title": "%1$s",
                  "type": "object",
                  "x-kinship": {
                    "formId": "%1$s",
                    "recordType": "case",
                    "order": 10,
                    "label": %3$s,
                    "sections": [{"id": "main", "label": %3$s}]
                  },
                  "properties": {
                    "%2$s": {
                      "type": "string",
                      "maxLength": 200,
                      "x-kinship": {"kind": "short_text", "section": "main", "order": 1, "label": %3$s}
                    }
                  },
                  "required": ["%2$s"]
                }
                """.formatted(formId, field, label);
    }
}
