package org.kinship.workflows.engine;

import java.util.List;
import java.util.Map;

import org.kinship.cases.CaseFiles;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;

/**
 * The child protection module with a section for every form key of the standard process (registration, initial
 * assessment, case plan, follow-up, closure), as an installation that runs the process configures it.
 */
final class EngineTestModule {

    static final List<String> SECTIONS = List.of("registration", "initial_assessment", "case_plan", "follow_up",
            "closure");

    private EngineTestModule() {
    }

    static void install(RecordModuleService modules) {
        RecordModule current = modules.find(CaseFiles.MODULE).orElseThrow();
        if (current.sections().stream().map(ModuleSection::id).toList().equals(SECTIONS)) {
            return;
        }
        List<ModuleSection> sections = new java.util.ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            sections.add(new ModuleSection(SECTIONS.get(i), "cp_" + SECTIONS.get(i), 1, i + 1,
                    Map.of("en", SECTIONS.get(i))));
        }
        modules.save(new RecordModule(current.id(), current.recordType(), current.name(), sections, "registration",
                current.numberPattern(), "childProtectionCase", IndexedFields.standard(), current.version()));
    }
}
