package org.kinship.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.templates.internal.Ed25519;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The next upstream version removes fields and lookup values: removed unless a local adaptation changed or uses
 * them (a conflict then), data keeps what it was filled with; the preview shows lookups value by value.
 */
@PlatformIntegrationTest
class TemplateUpstreamRemovalIntegrationTests {

    private static final AuditActor ADMIN = new AuditActor(null, "admin");
    private static final KeyPair PUBLISHER = Ed25519.generate();
    private static final String LABELS = "{\"en\": \"%1$s\", \"fr\": \"%1$s (fr)\", \"es\": \"%1$s (es)\", "
            + "\"ar\": \"%1$s (ar)\"}";

    @Autowired
    TemplateService templates;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;

    private String packageId;
    private String formId;
    /** A lookup value code no other test quotes: form rules quoting a code make it "in use" in any lookup. */
    private String other;

    @BeforeEach
    void trustThePublisher() {
        templates.trust("Removal publisher", Ed25519.encode(PUBLISHER.getPublic()), ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        packageId = "removal." + suffix;
        formId = "rm_" + suffix;
        other = "other_" + suffix;
    }

    @Test
    void aFieldUpstreamRemovesIsRemovedAndDataFilledWithTheOlderVersionKeepsIt() {
        apply(v1().withTextField("nickname", "Nickname"), Map.of());
        int before = forms.latestVersion(formId).orElseThrow().version();

        ImportPlan preview = templates.preview(v1().version("1.1.0").signedWith(PUBLISHER), Locale.ENGLISH);
        assertThat(preview.conflicts()).isEmpty();
        assertThat(change(preview, "form:" + formId).diff().removed()).containsExactly("nickname");
        apply(v1().version("1.1.0"), Map.of());

        assertThat(forms.latestVersion(formId).orElseThrow().schema().allFields()).doesNotContainKey("nickname");
        FormVersionRef older = new FormVersionRef(formId, before);
        assertThat(forms.version(older).schema().allFields()).containsKey("nickname");
        assertThat(forms.validateData(older, Map.of("given_name", "Amina", "nickname", "Mimi"), null, Locale.ENGLISH)
                .valid()).as("data filled with the older version stays valid with its field").isTrue();
    }

    @Test
    void aFieldUpstreamRemovesThatTheAgencyRelabelledIsAConflict() {
        apply(v1().withTextField("nickname", "Nickname"), Map.of());
        editDraft(forms.draft(formId).schemaJson().replaceFirst("\"en\" ?: ?\"Nickname\"", "\"en\": \"Known as\""));
        String v2 = v1().version("1.1.0").signedWith(PUBLISHER);

        MergeConflict conflict = templates.preview(v2, Locale.ENGLISH).conflicts().getFirst();
        assertThat(conflict.path()).isEqualTo("/properties/nickname");
        assertThat(conflict.upstream()).isNull();
        assertThatThrownBy(() -> templates.apply(v2, Map.of(), ADMIN, Locale.ENGLISH))
                .isInstanceOf(UnresolvedConflictsException.class);
        assertThat(forms.draft(formId).schema().allFields()).containsKey("nickname");

        templates.apply(v2, Map.of(conflict.key(), Resolution.UPSTREAM), ADMIN, Locale.ENGLISH);
        assertThat(forms.latestVersion(formId).orElseThrow().schema().allFields()).doesNotContainKey("nickname");
    }

    @Test
    void aFieldUpstreamRemovesThatALocalRuleUsesIsAConflictAndKeptWhenLocalIsChosen() {
        apply(v1().withTextField("nickname", "Nickname"), Map.of());
        addLocalField("nickname_note", "About the nickname", "nickname == '" + other + "'");
        String v2 = v1().version("1.1.0").signedWith(PUBLISHER);

        ImportPlan preview = templates.preview(v2, Locale.ENGLISH);
        assertThat(preview.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).isEqualTo("/properties/nickname");
            assertThat(conflict.upstream()).isNull();
        });

        templates.apply(v2, Map.of(preview.conflicts().getFirst().key(), Resolution.LOCAL), ADMIN, Locale.ENGLISH);
        assertThat(forms.latestVersion(formId).orElseThrow().schema().allFields())
                .containsKeys("nickname", "nickname_note");
        assertThat(installedVersion()).isEqualTo("1.1.0");
    }

    @Test
    void aLookupValueUpstreamRemovesIsRemoved() {
        apply(v1().lookupValue(other, "Other"), Map.of());

        ImportPlan preview = templates.preview(v1().version("1.1.0").signedWith(PUBLISHER), Locale.ENGLISH);
        assertThat(preview.conflicts()).isEmpty();
        assertThat(change(preview, "lookup:" + sexLookup()).lookupDiff().removed()).containsExactly(other);
        apply(v1().version("1.1.0"), Map.of());

        assertThat(lookups.get(sexLookup()).value(other)).isEmpty();
    }

    @Test
    void aLookupValueUpstreamRemovesThatALocalRuleQuotesIsAConflict() {
        apply(v1().lookupValue(other, "Other"), Map.of());
        addLocalField("sex_other", "Describe", "sex == '" + other + "'");
        String v2 = v1().version("1.1.0").signedWith(PUBLISHER);

        ImportPlan preview = templates.preview(v2, Locale.ENGLISH);
        assertThat(preview.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.item()).isEqualTo("lookup:" + sexLookup());
            assertThat(conflict.path()).isEqualTo("/values/" + other);
        });
        templates.apply(v2, Map.of(preview.conflicts().getFirst().key(), Resolution.LOCAL), ADMIN, Locale.ENGLISH);

        assertThat(lookups.get(sexLookup()).value(other)).isPresent();
    }

    @Test
    void aLookupValueThatAnOlderPublishedVersionStillUsesIsRetiredNotDeleted() {
        apply(v1().lookupValue(other, "Other").withTextField("sex_other", "Describe"), Map.of());
        // the package's own older version quotes the value: data filled with it may hold it
        editDraft(withSexOtherRule("sex == '" + other + "'"));
        editDraft(withSexOtherRule(null));

        ImportPlan preview = templates.preview(v1().version("1.1.0").withTextField("sex_other", "Describe")
                .signedWith(PUBLISHER), Locale.ENGLISH);
        assertThat(preview.conflicts()).isEmpty();
        assertThat(change(preview, "lookup:" + sexLookup()).lookupDiff().retired()).containsExactly(other);
        apply(v1().version("1.1.0").withTextField("sex_other", "Describe"), Map.of());

        LookupValue retired = lookups.get(sexLookup()).value(other).orElseThrow();
        assertThat(retired.retired()).isTrue();
        assertThat(retired.labelIn("en")).isEqualTo("Other");
    }

    @Test
    void thePreviewShowsLookupValuesAddedAndRelabelledPerLanguageAndTheLocalAdaptations() {
        apply(v1(), Map.of());
        Lookup stored = lookups.get(sexLookup());
        LookupValue female = stored.value("female").orElseThrow();
        java.util.Map<String, String> labels = new java.util.HashMap<>(female.label());
        labels.put("fr", "Fille");
        lookups.update(stored.withValues(stored.values().stream().map(value -> value.value().equals("female")
                ? new LookupValue("female", labels, false, null) : value).toList()), Locale.ENGLISH);

        ImportPlan preview = templates.preview(v1().version("1.1.0").lookupValue("male", "Boy")
                .lookupValue(other, "Other").signedWith(PUBLISHER), Locale.ENGLISH);

        LookupDiff diff = change(preview, "lookup:" + sexLookup()).lookupDiff();
        assertThat(diff.added()).containsExactly(other);
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.relabelled()).contains(new LookupDiff.Relabel("male", "en", "Male", "Boy"),
                new LookupDiff.Relabel("male", "fr", "Male (fr)", "Boy (fr)"));
        assertThat(diff.relabelled()).noneMatch(relabel -> relabel.value().equals("female"));
        assertThat(installed().lookupAdaptations()).singleElement().satisfies(adaptation -> {
            assertThat(adaptation.lookupId()).isEqualTo(sexLookup());
            assertThat(adaptation.diff().relabelled()).containsExactly(
                    new LookupDiff.Relabel("female", "fr", "Female (fr)", "Fille"));
        });
    }

    @Test
    void bothSidesRelabellingTheSameLookupValueIsAConflict() {
        apply(v1(), Map.of());
        Lookup stored = lookups.get(sexLookup());
        lookups.update(stored.withValues(stored.values().stream().map(value -> value.value().equals("male")
                ? LookupValue.of("male", Map.of("en", "Man", "fr", "Male (fr)", "es", "Male (es)", "ar", "Male (ar)"))
                : value).toList()), Locale.ENGLISH);

        ImportPlan preview = templates.preview(v1().version("1.1.0").lookupValue("male", "Boy")
                .signedWith(PUBLISHER), Locale.ENGLISH);

        assertThat(change(preview, "lookup:" + sexLookup()).conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).isEqualTo("/values/male/label/en");
            assertThat(conflict.local()).isEqualTo("Man");
            assertThat(conflict.upstream()).isEqualTo("Boy");
        });
    }

    private TemplatePackages v1() {
        return TemplatePackages.aPackage(packageId, formId);
    }

    private String sexLookup() {
        return formId + "_sex";
    }

    private void apply(TemplatePackages pkg, Map<String, Resolution> resolutions) {
        templates.apply(pkg.signedWith(PUBLISHER), resolutions, ADMIN, Locale.ENGLISH);
    }

    /** A local adaptation: a text field shown when {@code rule} holds. */
    private void addLocalField(String name, String english, String rule) {
        editDraft(forms.draft(formId).schemaJson().replaceFirst("\"properties\" ?: ?\\{", "\"properties\": {"
                + "\"" + name + "\": {\"type\": \"string\", \"x-kinship\": {\"kind\": \"short_text\", \"label\": "
                + LABELS.formatted(english) + ", \"visibleWhen\": \"" + rule + "\"}},"));
    }

    private void editDraft(String json) {
        assertThat(json).isNotEqualTo(forms.draft(formId).schemaJson());
        forms.updateDraft(formId, json, null, "admin", Locale.ENGLISH);
        forms.publish(formId, "admin", Locale.ENGLISH);
    }

    private String withSexOtherRule(@org.jspecify.annotations.Nullable String rule) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree(forms.draft(formId).schemaJson());
        ObjectNode annotation = (ObjectNode) tree.at("/properties/sex_other/x-kinship");
        if (rule == null) {
            annotation.remove("visibleWhen");
        } else {
            annotation.put("visibleWhen", rule);
        }
        return mapper.writeValueAsString(tree);
    }

    private static PlannedChange change(ImportPlan plan, String item) {
        return plan.changes().stream().filter(change -> change.item().equals(item)).findFirst().orElseThrow();
    }

    private String installedVersion() {
        return installed().manifest().version();
    }

    private InstalledPackage installed() {
        return templates.installed().stream().filter(p -> p.manifest().id().equals(packageId)).findFirst()
                .orElseThrow();
    }
}
