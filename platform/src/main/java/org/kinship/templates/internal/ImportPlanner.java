package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSchema;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.LookupDiff;
import org.kinship.templates.MergeConflict;
import org.kinship.templates.PlannedChange;
import org.kinship.templates.Resolution;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackage;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out what a package changes: per form, lookup and the service levels, a three-way merge of what the
 * installed version of the package brought (base), the local draft (local) and the package (upstream).
 */
@Component
class ImportPlanner {

    /** The plan shown to the administrator and, per changed item, the merged JSON to store. */
    record Plan(ImportPlan plan, List<Merged> merged) {
    }

    /** A changed form or lookup with its merged file, or the merged service levels ({@code id} empty). */
    record Merged(String type, String id, String json) {
    }

    private final MongoTemplateRepository repository;
    private final FormDefinitionService forms;
    private final LookupService lookups;

    ImportPlanner(MongoTemplateRepository repository, FormDefinitionService forms, LookupService lookups) {
        this.repository = repository;
        this.forms = forms;
        this.lookups = lookups;
    }

    Plan plan(TemplatePackage pkg, Map<String, Resolution> resolutions) {
        Optional<Installation> installed = repository.installation(pkg.manifest().id());
        Optional<InstalledContent> base = installed
                .flatMap(installation -> repository.content(installation.id(), installation.manifest().version()));
        Planning formsPlanned = new Planning(resolutions);
        Map<String, FormSchema> mergedForms = new LinkedHashMap<>();
        for (String text : pkg.forms()) {
            String formId = FormSchema.parse(text).formId();
            String baseText = base.map(content -> content.forms().get(formId)).orElse(null);
            JsonNode local = forms.findDraft(formId).map(FormDraft::schemaJson).map(ImportPlanner::tree).orElse(null);
            JsonNode merged = formsPlanned.item("form", formId, baseText == null ? null : tree(baseText), local,
                    tree(text));
            mergedForms.put(formId, FormSchema.parse(pretty(merged)));
        }
        Planning lookupsPlanned = new Planning(resolutions);
        LocalForms localForms = new LocalForms(mergedForms);
        for (String text : pkg.lookups()) {
            Lookup upstream = PackageVerifier.readLookup(text);
            String baseText = base.map(content -> content.lookups().get(upstream.id())).orElse(null);
            JsonNode local = lookups.findLookup(upstream.id()).map(ImportPlanner::lookupTree).orElse(null);
            JsonNode baseTree = baseText == null ? null : lookupTree(PackageVerifier.readLookup(baseText));
            lookupsPlanned.lookup(upstream.id(), baseTree, local, lookupTree(upstream), localForms);
        }
        Planning levelsPlanned = new Planning(resolutions);
        if (!pkg.serviceLevels().isEmpty()) {
            JsonNode baseTree = base.map(content -> targets(content.serviceLevels())).orElse(null);
            List<ServiceLevelTarget> current = repository.serviceLevels();
            levelsPlanned.item("service-levels", "", baseTree, current.isEmpty() ? null : targets(current),
                    targets(pkg.serviceLevels()));
        }
        List<PlannedChange> changes = new ArrayList<>(lookupsPlanned.changes);
        changes.addAll(formsPlanned.changes);
        changes.addAll(levelsPlanned.changes);
        List<Merged> merged = new ArrayList<>(lookupsPlanned.merged);
        merged.addAll(formsPlanned.merged);
        merged.addAll(levelsPlanned.merged);
        ImportPlan plan = new ImportPlan(pkg.manifest(),
                installed.map(installation -> installation.manifest().version()).orElse(null), changes, false);
        return new Plan(plan, merged);
    }

    /** The forms as they will be after the apply: the package's merged forms, the other forms' drafts. */
    private final class LocalForms {

        private final Map<String, FormSchema> packageForms;
        private @Nullable List<FormSchema> all;

        LocalForms(Map<String, FormSchema> packageForms) {
            this.packageForms = packageForms;
        }

        /** Whether a form (a local adaptation: upstream's forms no longer do) still uses the lookup value. */
        boolean use(String lookupId, String value) {
            if (all == null) {
                List<FormSchema> schemas = new ArrayList<>(packageForms.values());
                forms.list().stream().filter(form -> !packageForms.containsKey(form.formId()))
                        .forEach(form -> forms.findDraft(form.formId()).ifPresent(draft -> schemas.add(draft.schema())));
                all = schemas;
            }
            return all.stream().anyMatch(schema -> schema.usesLookupValue(lookupId, value));
        }
    }

    /** The changes and merged files of one kind of item, with the resolutions chosen so far. */
    private final class Planning {

        private final Map<String, Resolution> resolutions;
        private final List<PlannedChange> changes = new ArrayList<>();
        private final List<Merged> merged = new ArrayList<>();

        Planning(Map<String, Resolution> resolutions) {
            this.resolutions = resolutions;
        }

        /** Merges a form or the service levels; returns the merged tree. */
        JsonNode item(String type, String id, @Nullable JsonNode base, @Nullable JsonNode local, JsonNode upstream) {
            String item = id.isEmpty() ? type : type + ":" + id;
            ThreeWayMerge.Result result = ThreeWayMerge.merge(item, base, local, upstream, resolutions);
            JsonNode mergedTree = result.merged() == null ? upstream : result.merged();
            List<MergeConflict> conflicts = new ArrayList<>(result.conflicts());
            FormDiff diff = null;
            if (type.equals("form")) {
                if (base != null && local != null) {
                    keepRemovedFieldsInUse(item, base, local, upstream, mergedTree, conflicts);
                }
                FormSchema after = FormSchema.parse(pretty(mergedTree));
                diff = local == null ? new FormDiff(List.copyOf(after.allFields().keySet()), List.of(), List.of())
                        : FormDiff.between(FormSchema.parse(pretty(local)), after);
            }
            add(type, id, item, local, mergedTree, diff, null, conflicts);
            return mergedTree;
        }

        /**
         * Merges a lookup. A value upstream removes is removed, unless a form here (a local adaptation) still uses
         * it — then it is a conflict, kept until resolved — or data holds it: then it is retired, so the data keeps
         * its value and label while new data can no longer choose it.
         */
        void lookup(String id, @Nullable JsonNode base, @Nullable JsonNode local, JsonNode upstream,
                LocalForms localForms) {
            String item = "lookup:" + id;
            ThreeWayMerge.Result result = ThreeWayMerge.merge(item, base, local, upstream, resolutions);
            ObjectNode mergedTree = (ObjectNode) (result.merged() == null ? upstream : result.merged()).deepCopy();
            List<MergeConflict> conflicts = new ArrayList<>(result.conflicts());
            if (local != null) {
                ArrayNode values = mergedTree.withArray("values");
                for (JsonNode value : local.path("values")) {
                    String code = value.path("value").asString();
                    if (has(values, code)) {
                        continue;
                    }
                    MergeConflict conflict = new MergeConflict(item, "/values/" + code, CanonicalJson.write(value),
                            null);
                    boolean reported = conflicts.stream().anyMatch(c -> c.key().equals(conflict.key()));
                    if (!reported && localForms.use(id, code)) {
                        conflicts.add(conflict);
                        if (resolutions.get(conflict.key()) != Resolution.UPSTREAM) {
                            values.add(value.deepCopy());
                            continue;
                        }
                    }
                    if (lookups.isInUse(id, code)) {
                        values.add(((ObjectNode) value.deepCopy()).put("retired", true));
                    }
                }
            }
            Lookup after = PackageVerifier.readLookup(pretty(mergedTree));
            LookupDiff diff = LookupDiff.between(local == null ? null : PackageVerifier.readLookup(pretty(local)),
                    after);
            add("lookup", id, item, local, lookupTree(after), null, diff, conflicts);
        }

        private void add(String type, String id, String item, @Nullable JsonNode local, JsonNode mergedTree,
                @Nullable FormDiff diff, @Nullable LookupDiff lookupDiff, List<MergeConflict> conflicts) {
            PlannedChange.Kind kind = local == null ? PlannedChange.Kind.ADDED
                    : mergedTree.equals(local) ? PlannedChange.Kind.UNCHANGED : PlannedChange.Kind.UPDATED;
            changes.add(new PlannedChange(item, kind, diff, lookupDiff, conflicts));
            if (kind != PlannedChange.Kind.UNCHANGED) {
                merged.add(new Merged(type, id, pretty(mergedTree)));
            }
        }

        /**
         * A field upstream removes while a condition or calculation here still names it (a local adaptation): a
         * conflict, and the field stays until upstream's removal is chosen.
         */
        private void keepRemovedFieldsInUse(String item, JsonNode base, JsonNode local, JsonNode upstream,
                JsonNode mergedTree, List<MergeConflict> conflicts) {
            Map<String, FormField> before = FormSchema.parse(pretty(base)).allFields();
            Map<String, FormField> upstreamFields = FormSchema.parse(pretty(upstream)).allFields();
            FormSchema merged = FormSchema.parse(pretty(mergedTree));
            for (FormField field : FormSchema.parse(pretty(local)).allFields().values()) {
                String name = dottedName(field);
                if (!before.containsKey(name) || upstreamFields.containsKey(name)
                        || merged.allFields().containsKey(name) || !merged.refersTo(name)) {
                    continue;
                }
                MergeConflict conflict = new MergeConflict(item, field.pointer(),
                        CanonicalJson.write(local.at(field.pointer())), null);
                if (conflicts.stream().anyMatch(c -> c.key().equals(conflict.key()))) {
                    continue;
                }
                conflicts.add(conflict);
                if (resolutions.get(conflict.key()) != Resolution.UPSTREAM) {
                    putBack(local, mergedTree, field);
                }
            }
        }
    }

    private static String dottedName(FormField field) {
        String pointer = field.pointer();
        int items = pointer.indexOf("/items/properties/");
        return items < 0 ? field.name()
                : pointer.substring("/properties/".length(), items) + "." + field.name();
    }

    /** Puts a field of {@code local} back into {@code merged} at its place, required again if it was. */
    private static void putBack(JsonNode local, JsonNode merged, FormField field) {
        String pointer = field.pointer();
        String container = pointer.substring(0, pointer.lastIndexOf("/properties/"));
        JsonNode target = container.isEmpty() ? merged : merged.at(container);
        if (!(target instanceof ObjectNode object)) {
            return;
        }
        object.withObject("properties").set(field.name(), local.at(pointer).deepCopy());
        JsonNode localRequired = (container.isEmpty() ? local : local.at(container)).path("required");
        if (has(localRequired, field.name()) && !has(object.path("required"), field.name())) {
            object.withArray("required").add(field.name());
        }
    }

    /** Whether an array holds the string, or an object with that {@code value}. */
    private static boolean has(JsonNode array, String value) {
        for (JsonNode entry : array) {
            if (entry.isString() ? entry.asString().equals(value) : entry.path("value").asString("").equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A lookup as compared: without its storage version, so only content counts. */
    static JsonNode lookupTree(Lookup lookup) {
        ObjectNode tree = CanonicalJson.MAPPER.valueToTree(lookup.withVersion(0));
        tree.remove("version");
        tree.withArray("values").forEach(value -> {
            ObjectNode entry = (ObjectNode) value;
            if (entry.path("parent").isNull()) {
                entry.remove("parent");
            }
        });
        return tree;
    }

    static JsonNode targets(List<ServiceLevelTarget> targets) {
        ObjectNode tree = CanonicalJson.MAPPER.createObjectNode();
        tree.set("targets", CanonicalJson.MAPPER.valueToTree(targets));
        return tree;
    }

    static JsonNode tree(String text) {
        return CanonicalJson.MAPPER.readTree(text);
    }

    static String pretty(JsonNode node) {
        return CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
