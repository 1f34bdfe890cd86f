package org.kinship.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSummary;
import org.kinship.forms.FormVersion;
import org.kinship.forms.LookupUsage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Case files' answer to "is this lookup value used?" (a value in use cannot be deleted, only retired). The fields
 * that use the lookup are read from every published version of every form; for each module section filled with one
 * of those forms, one MongoDB query asks whether any case holds the value there ({@code sections.<section>.data.
 * <field>} equal to it, which also matches inside multiple-choice arrays and repeating groups; a tally holds it as a
 * key). Values of sensitive fields are encrypted and cannot be queried: those cases are read and decrypted, only the
 * cases that have the field at all. Open and closed cases count alike.
 */
@Component
class CaseLookupUsage implements LookupUsage {

    // resolved when first asked: the lookup service, which the forms service needs, collects every LookupUsage
    private final ObjectProvider<FormDefinitionService> forms;
    private final ObjectProvider<RecordModuleService> modules;
    private final MongoCaseFileRepository cases;
    private final CaseCrypto crypto;

    CaseLookupUsage(ObjectProvider<FormDefinitionService> forms, ObjectProvider<RecordModuleService> modules,
            MongoCaseFileRepository cases,
            CaseCrypto crypto) {
        this.forms = forms;
        this.modules = modules;
        this.cases = cases;
        this.crypto = crypto;
    }

    /** A field that takes its values from the lookup: {@code group} is set for a field inside a repeating group. */
    private record Use(@Nullable String group, String field, FieldKind kind, boolean sealed) {

        /** The top-level field that holds the value in the section data. */
        String topLevel() {
            return group == null ? field : group;
        }

        String path() {
            return group == null ? field : group + "." + field;
        }
    }

    @Override
    public boolean isInUse(String lookupId, String value) {
        FormDefinitionService forms = this.forms.getObject();
        Map<String, Set<Use>> usesByForm = new java.util.HashMap<>();
        for (FormSummary form : forms.list()) {
            if (form.latestVersion() == null) {
                continue;
            }
            for (FormVersion version : forms.versions(form.formId())) {
                Set<Use> uses = usesByForm.computeIfAbsent(form.formId(), id -> new LinkedHashSet<>());
                for (FormField field : version.schema().fields()) {
                    boolean groupSealed = field.children().stream().anyMatch(FormField::sensitive);
                    if (lookupId.equals(field.valueLookup())) {
                        uses.add(new Use(null, field.name(), field.kind(), field.sensitive()));
                    }
                    for (FormField child : field.children()) {
                        if (lookupId.equals(child.valueLookup())) {
                            uses.add(new Use(field.name(), child.name(), child.kind(), field.sensitive() || groupSealed));
                        }
                    }
                }
            }
        }
        List<Bson> queried = new ArrayList<>();
        List<SectionUse> scanned = new ArrayList<>();
        for (RecordModule module : modules.getObject().list()) {
            for (ModuleSection section : module.sections()) {
                for (Use use : usesByForm.getOrDefault(section.formId(), Set.of())) {
                    String path = "sections." + section.id() + ".data." + use.path();
                    if (use.sealed()) {
                        scanned.add(new SectionUse(section.id(), use));
                    } else if (use.kind() == FieldKind.TALLY) {
                        if (!value.contains(".") && !value.startsWith("$")) {
                            queried.add(Filters.exists(path + "." + value));
                        }
                    } else {
                        queried.add(Filters.eq(path, value));
                    }
                }
            }
        }
        if (!queried.isEmpty() && cases.any(queried.size() == 1 ? queried.getFirst() : Filters.or(queried))) {
            return true;
        }
        return scanned.stream().anyMatch(use -> inSealedValues(use, value));
    }

    private record SectionUse(String section, Use use) {
    }

    private boolean inSealedValues(SectionUse sectionUse, String value) {
        AtomicBoolean found = new AtomicBoolean();
        String field = sectionUse.use().topLevel();
        cases.forEach(Filters.exists("sections." + sectionUse.section() + ".data." + field), file -> {
            if (found.get()) {
                return;
            }
            var section = file.sections().get(sectionUse.section());
            if (section == null || section.data().get(field) == null) {
                return;
            }
            Object stored = crypto.open(file.id(), sectionUse.section(), Map.of(field, section.data().get(field)))
                    .get(field);
            Use use = sectionUse.use();
            if (use.group() == null ? holds(stored, value, use.kind())
                    : stored instanceof List<?> items && items.stream().anyMatch(item -> item instanceof Map<?, ?> map
                            && holds(map.get(use.field()), value, use.kind()))) {
                found.set(true);
            }
        });
        return found.get();
    }

    private static boolean holds(@Nullable Object stored, String value, FieldKind kind) {
        if (kind == FieldKind.TALLY) {
            return stored instanceof Map<?, ?> counts && counts.containsKey(value);
        }
        if (stored instanceof List<?> values) {
            return values.stream().anyMatch(v -> Objects.equals(v, value));
        }
        return value.equals(stored);
    }
}
