package org.kinship.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinship.forms.internal.Json;

/** Test data builder for form definitions: start from a known-good form and change one thing. */
final class FormDefinitions {

    private FormDefinitions() {
    }

    /** Labels in all four languages. */
    static Map<String, Object> labels(String english) {
        return new LinkedHashMap<>(Map.of("en", english, "fr", english + " (fr)", "es", english + " (es)",
                "ar", english + " (ar)"));
    }

    static Map<String, Object> option(String value) {
        return new LinkedHashMap<>(Map.of("value", value, "label", labels(value)));
    }

    /** A field property: JSON type (or null for a heading), kind, section and English label. */
    static Map<String, Object> field(String type, String kind, String section, String label) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kind", kind);
        x.put("section", section);
        x.put("label", labels(label));
        Map<String, Object> property = new LinkedHashMap<>();
        if (type != null) {
            property.put("type", type);
        }
        property.put("x-kinship", x);
        return property;
    }

    static Builder aForm(String formId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        form.put("$id", "https://kinship.example/forms/" + formId);
        form.put("title", "Form " + formId);
        form.put("type", "object");
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("formId", formId);
        x.put("recordType", "case");
        x.put("sections", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("id", "identity", "label", labels("Identity"))),
                new LinkedHashMap<>(Map.of("id", "family", "label", labels("Family"))))));
        form.put("x-kinship", x);
        form.put("properties", new LinkedHashMap<String, Object>());
        form.put("required", new ArrayList<String>());
        return new Builder(form).field("full_name", field("string", "short_text", "identity", "Full name"))
                .required("full_name");
    }

    /** A child registration form using every field kind; lookups from {@link #lookups()}. */
    static Builder aRegistrationForm() {
        return aRegistrationForm("registration");
    }

    static Builder aRegistrationForm(String formId) {
        Builder form = aForm(formId)
                .field("identity_heading", field(null, "heading", "identity", "Identity of the child"))
                .constraint("full_name", "maxLength", 100)
                .annotate("full_name", "matchable", true).annotate("full_name", "sensitive", true)
                .field("notes", field("string", "long_text", "identity", "Notes"))
                .field("sex", field("string", "single_choice", "identity", "Sex"))
                .annotate("sex", "widget", "radio")
                .annotate("sex", "options", List.of(option("female"), option("male"), option("other")))
                .field("dob", field("string", "date", "identity", "Date of birth"))
                .annotate("dob", "notInFuture", true).annotate("dob", "partialDate", true)
                .field("age", field("integer", "calculated", "identity", "Age"))
                .annotate("age", "calculate", "age(dob)")
                .field("age_estimate", field("integer", "integer", "identity", "Estimated age"))
                .annotate("age_estimate", "visibleWhen", "empty(dob)")
                .constraint("age_estimate", "minimum", 0).constraint("age_estimate", "maximum", 25)
                .field("height_cm", field("number", "decimal", "identity", "Height (cm)"))
                .field("registered_at", field("string", "date_time", "identity", "Registered at"))
                .annotate("registered_at", "notInFuture", true)
                .field("separated", field("boolean", "yes_no", "family", "Separated from caregivers"))
                .field("separation_reason", field("string", "single_choice", "family", "Reason of separation"))
                .annotate("separation_reason", "lookup", "separation_reasons")
                .annotate("separation_reason", "visibleWhen", "separated == true")
                .field("needs", field("array", "multiple_choice", "family", "Needs"))
                .constraint("needs", "items", Map.of("type", "string"))
                .annotate("needs", "options", List.of(option("food"), option("medical"), option("education")))
                .field("household", field("object", "tally", "family", "Household members"))
                .annotate("household", "options", List.of(option("boys"), option("girls")))
                .field("current_location", field("string", "location", "family", "Current location"))
                .annotate("current_location", "hierarchy", "locations")
                .field("siblings", field("array", "repeating_group", "family", "Siblings"))
                .annotate("siblings", "maxItems", 3)
                .field("photo", field("string", "photo", "identity", "Photo"))
                .field("statement", field("string", "audio", "identity", "Recorded statement"))
                .field("id_document", field("string", "document", "identity", "Identity document"))
                .field("consent_signature", field("string", "signature", "family", "Consent signature"))
                .required("sex", "separated", "separation_reason");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", field("string", "short_text", "family", "Name"));
        Map<String, Object> relation = field("string", "single_choice", "family", "Relation");
        annotation(relation).put("options", List.of(option("brother"), option("sister")));
        properties.put("relation", relation);
        properties.put("age", field("integer", "integer", "family", "Age"));
        Map<String, Object> grade = field("string", "short_text", "family", "School grade");
        annotation(grade).put("visibleWhen", "item.age >= 6");
        properties.put("school_grade", grade);
        items.put("properties", properties);
        items.put("required", List.of("name", "school_grade"));
        form.property("siblings").put("items", items);
        return form;
    }

    /** The lookups the registration form uses; {@code old_reason} is retired. */
    static LookupSource lookups() {
        return id -> lookupList().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    static List<Lookup> lookupList() {
        return List.of(
                new Lookup("separation_reasons", Map.of("en", "Reasons of separation"), List.of(
                        LookupValue.of("conflict", Map.of("en", "Armed conflict")),
                        LookupValue.of("displacement", Map.of("en", "Displacement")),
                        new LookupValue("old_reason", Map.of("en", "Old reason"), true, null)), 1),
                new Lookup("locations", Map.of("en", "Locations"), List.of(
                        LookupValue.of("nk", Map.of("en", "North Kivu")),
                        new LookupValue("nk-goma", Map.of("en", "Goma"), false, "nk")), 1));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> annotation(Map<String, Object> property) {
        return (Map<String, Object>) property.get("x-kinship");
    }

    /** A mutable definition. */
    static final class Builder {
        private final Map<String, Object> form;

        Builder(Map<String, Object> form) {
            this.form = form;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> properties() {
            return (Map<String, Object>) form.get("properties");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> property(String name) {
            return (Map<String, Object>) properties().get(name);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> formAnnotation() {
            return (Map<String, Object>) form.get("x-kinship");
        }

        Builder field(String name, Map<String, Object> property) {
            properties().put(name, property);
            return this;
        }

        Builder without(String name) {
            properties().remove(name);
            required().remove(name);
            return this;
        }

        Builder annotate(String name, String key, Object value) {
            annotation(property(name)).put(key, value);
            return this;
        }

        Builder constraint(String name, String key, Object value) {
            property(name).put(key, value);
            return this;
        }

        @SuppressWarnings("unchecked")
        List<String> required() {
            return (List<String>) form.get("required");
        }

        Builder required(String... names) {
            required().addAll(List.of(names));
            return this;
        }

        Builder title(String title) {
            form.put("title", title);
            return this;
        }

        Map<String, Object> map() {
            return form;
        }

        String json() {
            return Json.write(form);
        }

        FormSchema schema() {
            return FormSchema.parse(json());
        }
    }
}
