package org.kinship.templates.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormDataValidator;
import org.kinship.forms.FormDefinitionValidator;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormSchema;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;
import org.kinship.forms.ValidatedData;
import org.kinship.forms.internal.Json;
import org.kinship.i18n.Messages;

import tools.jackson.databind.JsonNode;

/** The harmonised standard set: valid, fully translated, and its example documents behave as documented. */
class StandardFormsTests {

    private static final Set<String> LANGUAGES = Set.of("en", "fr", "es", "ar");

    private final FormDataValidator data = new FormDataValidator(StandardSet.lookupSource(), new Messages(),
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    static List<String> formIds() {
        return List.copyOf(StandardSet.forms().keySet());
    }

    @Test
    void theSetHasTheFormsTheWorkflowAndTracingNeed() {
        assertThat(StandardSet.forms().keySet()).contains("registration", "consent", "initial_assessment",
                "best_interest_assessment", "case_plan", "services", "follow_up", "family_details",
                "care_arrangements", "tracing", "closure", "tracing_request");
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void everyShippedFormIsValidWithoutAnyWarning(String formId) {
        DefinitionReport report = new FormDefinitionValidator(StandardSet.lookupSource(), new Messages())
                .validate(StandardSet.forms().get(formId), Locale.ENGLISH);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).as("all four languages everywhere").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void everyValidExampleValidates(String formId) {
        JsonNode examples = StandardSet.json("examples/" + formId + ".examples.json");
        assertThat(examples.get("valid").size()).isPositive();
        for (JsonNode example : examples.get("valid")) {
            ValidatedData result = validate(formId, example);
            assertThat(result.problems()).as(example.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void everyInvalidExampleFailsAtTheExpectedField(String formId) {
        JsonNode examples = StandardSet.json("examples/" + formId + ".examples.json");
        assertThat(examples.get("invalid").size()).isPositive();
        for (JsonNode example : examples.get("invalid")) {
            ValidatedData result = validate(formId, example.get("data"));
            assertThat(result.problems()).as(example.get("name").asString())
                    .extracting(FormProblem::path).contains(example.get("field").asString());
        }
    }

    @Test
    void identifyingFieldsAreSensitiveAndTracingFieldsMatchable() {
        FormSchema registration = FormSchema.parse(StandardSet.forms().get("registration"));
        assertThat(registration.allFields().get("given_name").sensitive()).isTrue();
        assertThat(registration.allFields().get("given_name").matchable()).isTrue();
        FormSchema request = FormSchema.parse(StandardSet.forms().get("tracing_request"));
        assertThat(request.allFields().values()).anySatisfy(field -> assertThat(field.matchable()).isTrue());
    }

    @Test
    void everyLookupValueHasFourLabels() {
        List<Lookup> lookups = StandardSet.lookups();
        assertThat(lookups).extracting(Lookup::id).contains("sex", "protection_concerns", "risk_levels",
                "service_types", "relationships", "nationalities", "languages", "closure_reasons",
                "separation_causes", "locations");
        for (Lookup lookup : lookups) {
            assertThat(lookup.name().keySet()).as(lookup.id()).isEqualTo(LANGUAGES);
            for (LookupValue value : lookup.values()) {
                assertThat(value.label().keySet()).as(lookup.id() + "/" + value.value()).isEqualTo(LANGUAGES);
                assertThat(value.label().values()).allSatisfy(label -> assertThat(label).isNotBlank());
            }
        }
    }

    @Test
    void serviceLevelsCoverEveryRiskLevel() {
        JsonNode targets = StandardSet.json("service-levels.json").get("targets");
        assertThat(targets.valueStream().map(target -> target.get("riskLevel").asString()))
                .containsExactlyInAnyOrder("high", "medium", "low");
        assertThat(targets.get(0).get("assessmentHours").asInt()).isEqualTo(24);
    }

    private ValidatedData validate(String formId, JsonNode example) {
        Map<String, Object> map = Json.toMap(example);
        return data.validate(FormSchema.parse(StandardSet.forms().get(formId)), map, null, Locale.ENGLISH);
    }
}
