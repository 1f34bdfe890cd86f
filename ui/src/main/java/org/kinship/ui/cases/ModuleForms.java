package org.kinship.ui.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersionRef;

/**
 * The published form versions a module's sections are filled with, each read once. A section whose form is
 * not published (yet) has no schema; the view says so instead of failing.
 */
final class ModuleForms {

    private final RecordModule module;
    private final FormDefinitionService forms;
    private final Map<String, Optional<FormSchema>> schemas = new HashMap<>();

    ModuleForms(RecordModule module, FormDefinitionService forms) {
        this.module = module;
        this.forms = forms;
    }

    RecordModule module() {
        return module;
    }

    Optional<FormSchema> schema(ModuleSection section) {
        return schemas.computeIfAbsent(section.id(), id -> {
            try {
                return Optional.of(forms.version(new FormVersionRef(section.formId(),
                        Math.max(1, section.formVersion()))).schema());
            } catch (FormNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    Optional<FormSchema> registration() {
        return schema(module.registration());
    }

    /** A field of one section, by name. */
    Optional<FormField> field(String sectionId, String name) {
        return module.section(sectionId).flatMap(this::schema).flatMap(schema -> schema.field(name));
    }

    /** The first section's field of that name (the list's indexed fields are named without their section). */
    Optional<FormField> field(String name) {
        return module.sections().stream().map(this::schema).flatMap(Optional::stream)
                .map(schema -> schema.field(name)).flatMap(Optional::stream).findFirst();
    }

    /** The section's label in the language, else in English, else its form's title, else its id. */
    String label(ModuleSection section, String language) {
        String label = section.label().get(language);
        if (label != null) {
            return label;
        }
        return Optional.ofNullable(section.label().get("en"))
                .or(() -> schema(section).map(FormSchema::title).filter(title -> !title.isBlank()))
                .orElse(section.id());
    }
}
