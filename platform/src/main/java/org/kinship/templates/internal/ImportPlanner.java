package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormSchema;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.PlannedChange;
import org.kinship.templates.Resolution;
import org.kinship.templates.ServiceLevelTarget;
import org.kinship.templates.TemplatePackage;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
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
        List<PlannedChange> changes = new ArrayList<>();
        List<Merged> merged = new ArrayList<>();
        for (String text : pkg.lookups()) {
            Lookup upstream = PackageVerifier.readLookup(text);
            String baseText = base.map(content -> content.lookups().get(upstream.id())).orElse(null);
            JsonNode local = lookups.findLookup(upstream.id()).map(ImportPlanner::lookupTree).orElse(null);
            JsonNode baseTree = baseText == null ? null : lookupTree(PackageVerifier.readLookup(baseText));
            item("lookup", upstream.id(), baseTree, local, lookupTree(upstream), resolutions, changes, merged);
        }
        for (String text : pkg.forms()) {
            String formId = FormSchema.parse(text).formId();
            String baseText = base.map(content -> content.forms().get(formId)).orElse(null);
            JsonNode local = forms.findDraft(formId).map(FormDraft::schemaJson).map(ImportPlanner::tree).orElse(null);
            item("form", formId, baseText == null ? null : tree(baseText), local, tree(text), resolutions, changes,
                    merged);
        }
        if (!pkg.serviceLevels().isEmpty()) {
            JsonNode baseTree = base.map(content -> targets(content.serviceLevels())).orElse(null);
            List<ServiceLevelTarget> current = repository.serviceLevels();
            item("service-levels", "", baseTree, current.isEmpty() ? null : targets(current),
                    targets(pkg.serviceLevels()), resolutions, changes, merged);
        }
        ImportPlan plan = new ImportPlan(pkg.manifest(),
                installed.map(installation -> installation.manifest().version()).orElse(null), changes, false);
        return new Plan(plan, merged);
    }

    private void item(String type, String id, @Nullable JsonNode base, @Nullable JsonNode local, JsonNode upstream,
            Map<String, Resolution> resolutions, List<PlannedChange> changes, List<Merged> merged) {
        String item = id.isEmpty() ? type : type + ":" + id;
        ThreeWayMerge.Result result = ThreeWayMerge.merge(item, base, local, upstream, resolutions);
        JsonNode mergedTree = result.merged() == null ? upstream : result.merged();
        PlannedChange.Kind kind = local == null ? PlannedChange.Kind.ADDED
                : mergedTree.equals(local) ? PlannedChange.Kind.UNCHANGED : PlannedChange.Kind.UPDATED;
        FormDiff diff = null;
        if (type.equals("form")) {
            FormSchema after = FormSchema.parse(pretty(mergedTree));
            diff = local == null ? new FormDiff(List.copyOf(after.allFields().keySet()), List.of(), List.of())
                    : FormDiff.between(FormSchema.parse(pretty(local)), after);
        }
        changes.add(new PlannedChange(item, kind, diff, result.conflicts()));
        if (kind != PlannedChange.Kind.UNCHANGED) {
            merged.add(new Merged(type, id, pretty(mergedTree)));
        }
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
