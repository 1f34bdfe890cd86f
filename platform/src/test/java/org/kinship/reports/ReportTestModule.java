package org.kinship.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case module for report tests, built from published forms like the harmonised child protection templates:
 * registration (sensitive name and date of birth, sex, age, current location), assessment (protection
 * concerns as a multiple choice, risk level), family (a repeating group of members) and services (a repeating
 * group with a yes/no "referred" and a date).
 */
public final class ReportTestModule {

    public static final String MODULE = "rpt-cp";
    public static final List<String> SEXES = List.of("female", "male");
    public static final List<String> CONCERNS = List.of("neglect", "abuse", "separation", "labour");
    public static final List<String> RISKS = List.of("low", "medium", "high");
    public static final List<String> RELATIONSHIPS = List.of("mother", "father", "sibling");
    public static final List<String> SERVICES = List.of("health", "education", "psychosocial");
    public static final List<String> LOCATIONS = List.of("CD-NK-GOMA", "CD-NK-RUTSHURU", "CD-SK-BUKAVU");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportTestModule() {
    }

    /** Publishes the forms (once per context) and saves the module. */
    public static synchronized void install(FormDefinitionService forms, LookupService lookups,
            RecordModuleService modules) {
        if (modules.find(MODULE).isPresent()) {
            return;
        }
        List<LookupValue> places = new ArrayList<>();
        places.add(new LookupValue("CD", labels("DR Congo"), false, null));
        places.add(new LookupValue("CD-NK", labels("North Kivu"), false, "CD"));
        places.add(new LookupValue("CD-SK", labels("South Kivu"), false, "CD"));
        places.add(new LookupValue("CD-NK-GOMA", labels("Goma"), false, "CD-NK"));
        places.add(new LookupValue("CD-NK-RUTSHURU", labels("Rutshuru"), false, "CD-NK"));
        places.add(new LookupValue("CD-SK-BUKAVU", labels("Bukavu"), false, "CD-SK"));
        if (lookups.findLookup("rpt_locations").isEmpty()) {
            lookups.create(new Lookup("rpt_locations", labels("Places"), places, 0), Locale.ENGLISH);
        }
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("given_name", field("short_text", "Given name", true, null));
        registration.put("date_of_birth", field("date", "Date of birth", true, null));
        registration.put("sex", field("single_choice", "Sex", false, SEXES));
        registration.put("age", field("integer", "Age", false, null));
        Map<String, Object> location = field("location", "Current location", false, null);
        annotation(location).put("hierarchy", "rpt_locations");
        registration.put("current_location", location);
        publish(forms, "rpt_registration", registration);

        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("protection_concerns", field("multiple_choice", "Protection concerns", false, CONCERNS));
        assessment.put("risk_level", field("single_choice", "Risk level", false, RISKS));
        assessment.put("concern_details", field("long_text", "Details", true, null));
        publish(forms, "rpt_assessment", assessment);

        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", field("short_text", "Name", true, null));
        member.put("relationship", field("single_choice", "Relationship", false, RELATIONSHIPS));
        member.put("age", field("integer", "Age", false, null));
        Map<String, Object> family = new LinkedHashMap<>();
        family.put("family_members", group("Family members", member));
        publish(forms, "rpt_family", family);

        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_type", field("single_choice", "Service", false, SERVICES));
        service.put("referred", field("yes_no", "Referred", false, null));
        service.put("service_date", field("date", "Date", false, null));
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("services", group("Services", service));
        publish(forms, "rpt_services", services);

        modules.save(new RecordModule(MODULE, "case", labels("Report test cases"), List.of(
                new ModuleSection("registration", "rpt_registration", 1, 1, labels("Registration")),
                new ModuleSection("assessment", "rpt_assessment", 1, 2, labels("Assessment")),
                new ModuleSection("family", "rpt_family", 1, 3, labels("Family")),
                new ModuleSection("services", "rpt_services", 1, 4, labels("Services"))),
                "registration", "{agency}-R-{seq:6}", null,
                new IndexedFields(List.of("given_name"), "sex", "age", "date_of_birth", "current_location",
                        "risk_level"), 0));
    }

    private static void publish(FormDefinitionService forms, String formId, Map<String, Object> properties) {
        Map<String, Object> kinship = new LinkedHashMap<>();
        kinship.put("formId", formId);
        kinship.put("recordType", "case");
        kinship.put("label", labels(formId));
        kinship.put("sections", List.of(Map.of("id", "main", "label", labels("Main"))));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", formId);
        schema.put("type", "object");
        schema.put("x-kinship", kinship);
        properties.values().forEach(p -> annotation(p).put("section", "main"));
        schema.put("properties", properties);
        forms.create(JSON.writeValueAsString(schema), "admin", Locale.ENGLISH);
        forms.publish(formId, "admin", Locale.ENGLISH);
    }

    private static Map<String, Object> field(String kind, String label, boolean sensitive,
            @Nullable List<String> options) {
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("kind", kind);
        annotation.put("label", labels(label));
        if (sensitive) {
            annotation.put("sensitive", true);
        }
        if (options != null) {
            annotation.put("options", options.stream().map(o -> Map.of("value", o, "label", labels(capital(o))))
                    .toList());
        }
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", switch (kind) {
            case "integer" -> "integer";
            case "yes_no" -> "boolean";
            case "multiple_choice" -> "array";
            default -> "string";
        });
        if (kind.equals("multiple_choice")) {
            property.put("items", Map.of("type", "string"));
        }
        property.put("x-kinship", annotation);
        return property;
    }

    private static Map<String, Object> group(String label, Map<String, Object> children) {
        Map<String, Object> annotation = new LinkedHashMap<>();
        annotation.put("kind", "repeating_group");
        annotation.put("label", labels(label));
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "array");
        property.put("items", Map.of("type", "object", "properties", children));
        property.put("x-kinship", annotation);
        return property;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotation(Object property) {
        return (Map<String, Object>) ((Map<String, Object>) property).get("x-kinship");
    }

    static String capital(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    static Map<String, String> labels(String english) {
        return Map.of("en", english, "fr", english + " (fr)", "es", english + " (es)", "ar", english + " (ar)");
    }
}
