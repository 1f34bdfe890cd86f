package org.kinship.cases.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.ModuleSection;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormNotFoundException;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersion;
import org.kinship.forms.FormVersionRef;
import org.springframework.stereotype.Component;

/**
 * The published form versions behind module sections, through the forms feature's public service. A section
 * that follows the latest version ({@link ModuleSection#LATEST}) is resolved at each save; published versions
 * are immutable, so their parsed schemas and sensitive fields are cached by version.
 */
@Component
class SectionForms {

    private final FormDefinitionService forms;
    private final Map<FormVersionRef, FormSchema> schemas = new ConcurrentHashMap<>();
    private final Map<FormVersionRef, Set<String>> sensitive = new ConcurrentHashMap<>();

    SectionForms(FormDefinitionService forms) {
        this.forms = forms;
    }

    /** The version a save of this section uses now, if the form has one. */
    Optional<FormVersionRef> current(ModuleSection section) {
        if (section.followsLatest()) {
            return forms.latestVersion(section.formId()).map(FormVersion::ref);
        }
        FormVersionRef ref = new FormVersionRef(section.formId(), section.formVersion());
        try {
            schema(ref);
            return Optional.of(ref);
        } catch (FormNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The version a save of this section uses now.
     *
     * @throws CaseRequestRefusedException (conflict) when the form is not published: the module is not usable yet
     */
    FormVersionRef require(ModuleSection section) {
        return current(section).orElseThrow(() -> new CaseRequestRefusedException(Reason.CONFLICT,
                "cases.section.formNotPublished", section.id(), section.formId()));
    }

    /** @throws FormNotFoundException when the version is not published */
    FormSchema schema(FormVersionRef ref) {
        FormSchema cached = schemas.get(ref);
        if (cached != null) {
            return cached;
        }
        FormSchema schema = forms.version(ref).schema();
        schemas.put(ref, schema);
        return schema;
    }

    /**
     * The top-level fields whose stored value is encrypted: fields marked {@code sensitive}, and repeating groups
     * with a sensitive field inside (the whole group is encrypted then).
     */
    Set<String> sensitiveFields(FormVersionRef ref) {
        return sensitive.computeIfAbsent(ref, r -> {
            Set<String> names = new LinkedHashSet<>();
            for (FormField field : schema(r).fields()) {
                if (field.sensitive() || field.children().stream().anyMatch(FormField::sensitive)) {
                    names.add(field.name());
                }
            }
            return Set.copyOf(names);
        });
    }
}
