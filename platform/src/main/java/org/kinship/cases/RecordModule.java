package org.kinship.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a kind of record is made of, configured by an administrator: the published forms that make up its
 * sections (in order), which section registers a new record, the pattern of its numbers and the workflow it
 * starts. The same mechanism serves case files ({@code recordType = "case"}) and, later, tracing requests.
 *
 * @param numberPattern placeholders {@code {agency}}, {@code {module}}, {@code {year}} and {@code {seq}} or
 *                      {@code {seq:N}} (zero-padded to N digits); the sequence counts per pattern prefix
 * @param workflow      the BPMN process key a registration starts, or {@code null} for none
 */
public record RecordModule(String id, String recordType, Map<String, String> name, List<ModuleSection> sections,
        String registrationSection, String numberPattern, @Nullable String workflow, IndexedFields indexedFields,
        long version) {

    public RecordModule {
        name = Map.copyOf(name);
        sections = sections.stream().sorted(Comparator.comparingInt(ModuleSection::order)).toList();
        if (sections.stream().noneMatch(s -> s.id().equals(registrationSection))) {
            throw new IllegalArgumentException("The registration section " + registrationSection
                    + " is not a section of module " + id);
        }
    }

    public Optional<ModuleSection> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public ModuleSection registration() {
        return section(registrationSection).orElseThrow();
    }
}
