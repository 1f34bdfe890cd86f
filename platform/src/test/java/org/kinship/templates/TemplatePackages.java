package org.kinship.templates;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kinship.templates.internal.PackageFormat;

/** Test data: small signed packages with one form and one lookup, as a publisher would build them. */
public final class TemplatePackages {

    private final String packageId;
    private final String formId;
    private String version = "1.0.0";
    private String kinshipVersion = "0.1.0";
    private String givenNameLabel = "Given name";
    private final List<String> extraFields = new ArrayList<>();
    private final List<WorkflowFile> workflows = new ArrayList<>();
    private List<ServiceLevelTarget> serviceLevels = List.of(new ServiceLevelTarget("high", 24, 72));
    private final Map<String, String> lookupValues = new java.util.LinkedHashMap<>();
    private final List<String> moreForms = new ArrayList<>();

    private TemplatePackages(String packageId, String formId) {
        this.packageId = packageId;
        this.formId = formId;
        lookupValues.put("female", "Female");
        lookupValues.put("male", "Male");
    }

    public static TemplatePackages aPackage(String packageId, String formId) {
        return new TemplatePackages(packageId, formId);
    }

    public TemplatePackages version(String newVersion) {
        this.version = newVersion;
        return this;
    }

    public TemplatePackages forKinship(String newKinshipVersion) {
        this.kinshipVersion = newKinshipVersion;
        return this;
    }

    public TemplatePackages givenNameLabel(String english) {
        this.givenNameLabel = english;
        return this;
    }

    public TemplatePackages withTextField(String name, String english) {
        extraFields.add(",\"" + name + "\": {\"type\": \"string\", \"x-kinship\": {\"kind\": \"short_text\", "
                + "\"label\": " + labels(english) + "}}");
        return this;
    }

    public TemplatePackages withWorkflow(String name, String xml) {
        workflows.add(new WorkflowFile(name, xml));
        return this;
    }

    /**
     * The service-level targets the package carries (by default high: 24 h / 72 h). Service levels are one set per
     * installation: a test sharing its data with others can carry the current targets so they stay unchanged.
     */
    public TemplatePackages serviceLevels(List<ServiceLevelTarget> targets) {
        this.serviceLevels = List.copyOf(targets);
        return this;
    }

    public TemplatePackages withFieldOfKind(String name, String kind) {
        extraFields.add(",\"" + name + "\": {\"type\": \"string\", \"x-kinship\": {\"kind\": \"" + kind + "\", "
                + "\"label\": " + labels(name) + "}}");
        return this;
    }

    /** A lookup value (code and English label; other languages derived), added or relabelled. */
    public TemplatePackages lookupValue(String code, String english) {
        lookupValues.put(code, english);
        return this;
    }

    public TemplatePackages withoutLookupValue(String code) {
        lookupValues.remove(code);
        return this;
    }

    /** More forms in the package, built like the first one (each with its own {@code <formId>_sex} use). */
    public TemplatePackages withForms(String... formIds) {
        moreForms.addAll(List.of(formIds));
        return this;
    }

    public String form() {
        return form(formId);
    }

    private String form(String id) {
        return """
                {"title": "Test registration", "type": "object",
                 "x-kinship": {"formId": "%s", "recordType": "case"},
                 "properties": {
                   "given_name": {"type": "string", "x-kinship": {"kind": "short_text", "sensitive": true,
                       "label": %s}},
                   "sex": {"type": "string", "x-kinship": {"kind": "single_choice", "lookup": "%s_sex",
                       "label": %s}}%s
                 },
                 "required": ["given_name"]}
                """.formatted(id, labels(givenNameLabel), formId, labels("Sex"), String.join("", extraFields));
    }

    public String lookup() {
        List<String> values = new ArrayList<>();
        lookupValues.forEach((code, english) -> values.add("{\"value\": \"%s\", \"label\": %s}"
                .formatted(code, labels(english))));
        return """
                {"id": "%s_sex", "name": %s, "values": [%s]}
                """.formatted(formId, labels("Sex"), String.join(", ", values));
    }

    public TemplatePackage content() {
        return new TemplatePackage(new PackageManifest(packageId, version, "Test coordination body", kinshipVersion,
                Map.of("en", "Test package")), allForms(), List.of(lookup()), workflows,
                serviceLevels, null);
    }

    private List<String> allForms() {
        List<String> all = new ArrayList<>(List.of(form()));
        moreForms.forEach(id -> all.add(form(id)));
        return all;
    }

    public String signedWith(KeyPair key) {
        return PackageFormat.write(content(), key);
    }

    private static String labels(String english) {
        return "{\"en\": \"%s\", \"fr\": \"%s (fr)\", \"es\": \"%s (es)\", \"ar\": \"%s (ar)\"}"
                .formatted(english, english, english, english);
    }
}
