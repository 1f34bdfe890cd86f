package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.i18n.Messages;

class FormDataValidatorTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private final FormDataValidator validator = new FormDataValidator(FormDefinitions.lookups(), new Messages(), CLOCK);
    private final FormSchema schema = FormDefinitions.aRegistrationForm().schema();

    /** A complete, valid registration touching every kind. */
    static Map<String, Object> aRegistration() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identity_heading", "a heading holds no data");
        data.put("full_name", "Amina K.");
        data.put("notes", "<b>likes football</b>");
        data.put("sex", "female");
        data.put("dob", "2014-03");
        data.put("height_cm", 132.5);
        data.put("registered_at", "2026-11-20T09:30:00Z");
        data.put("separated", true);
        data.put("separation_reason", "conflict");
        data.put("needs", List.of("food", "medical"));
        data.put("household", new LinkedHashMap<>(Map.of("boys", 2, "girls", 1)));
        data.put("current_location", "nk-goma");
        data.put("siblings", List.of(
                new LinkedHashMap<>(Map.of("name", "Jean", "relation", "brother", "age", 8, "school_grade", "P3")),
                new LinkedHashMap<>(Map.of("name", "Lea", "relation", "sister", "age", 4))));
        data.put("photo", "attachment-1");
        data.put("statement", "attachment-2");
        data.put("id_document", "attachment-3");
        data.put("consent_signature", "attachment-4");
        return data;
    }

    private ValidatedData validate(Map<String, Object> data) {
        return validator.validate(schema, data, null, Locale.ENGLISH);
    }

    private ValidatedData with(String field, Object value) {
        Map<String, Object> data = aRegistration();
        data.put(field, value);
        return validate(data);
    }

    private static List<String> messages(ValidatedData result) {
        return result.problems().stream().map(FormProblem::message).toList();
    }

    @Test
    void aCompleteRegistrationIsValidWithCalculationsDoneAndHiddenFieldsAndHeadingsRemoved() {
        ValidatedData result = validate(aRegistration());

        assertThat(result.problems()).isEmpty();
        assertThat(result.data()).containsEntry("age", 12L).doesNotContainKey("identity_heading")
                .doesNotContainKey("age_estimate").containsEntry("notes", "<b>likes football</b>");
        assertThat(result.data().get("household")).isEqualTo(Map.of("boys", 2, "girls", 1, "total", 3L));
        assertThat(result.hidden()).containsExactlyInAnyOrder("/age_estimate", "/siblings/1/school_grade");
    }

    @Test
    void shortTextLongerThanTheSchemaAllowsIsRefused() {
        assertThat(messages(with("full_name", "x".repeat(101)))).containsExactly("Full name: at most 100 characters.");
    }

    @Test
    void longTextKeepsMarkupAsPlainText() {
        assertThat(with("notes", "<script>alert(1)</script>").data()).containsEntry("notes", "<script>alert(1)</script>");
        assertThat(messages(with("notes", 12))).containsExactly("Notes: the value has the wrong type.");
    }

    @Test
    void integerFieldsCheckTypeAndRangeWhenVisible() {
        Map<String, Object> data = aRegistration();
        data.remove("dob");
        data.put("age_estimate", 30);

        assertThat(messages(validate(data))).containsExactly("Estimated age: at most 25.");
        data.put("age_estimate", "ten");
        assertThat(messages(validate(data))).containsExactly("Estimated age: the value has the wrong type.");
        data.put("age_estimate", 9);
        assertThat(validate(data).data()).containsEntry("age_estimate", 9).doesNotContainKey("age");
    }

    @Test
    void decimalFieldsRefuseText() {
        assertThat(with("height_cm", 98).valid()).isTrue();
        assertThat(messages(with("height_cm", "tall"))).containsExactly("Height (cm): the value has the wrong type.");
    }

    @Test
    void partialDatesAcceptYearAndYearMonthButNotImpossibleOrFutureDates() {
        assertThat(with("dob", "2014").valid()).isTrue();
        assertThat(with("dob", "2014-03-31").valid()).isTrue();
        assertThat(messages(with("dob", "2014-02-30")))
                .containsExactly("Date of birth: not a valid date (YYYY, YYYY-MM or YYYY-MM-DD).");
        assertThat(messages(with("dob", "14/03/2014"))).hasSize(1);
        assertThat(messages(with("dob", "2026-12"))).containsExactly("Date of birth: the date cannot be in the future.");
    }

    @Test
    void fullDatesRefusePartialDatesWhenTheFieldDoesNotAllowThem() {
        FormSchema strict = FormDefinitions.aRegistrationForm().annotate("dob", "partialDate", false).schema();
        Map<String, Object> data = aRegistration();

        ValidatedData result = validator.validate(strict, data, null, Locale.ENGLISH);

        assertThat(messages(result)).containsExactly("Date of birth: not a valid date (YYYY-MM-DD).");
    }

    @Test
    void dateTimesNeedAnOffsetAndCannotBeInTheFuture() {
        assertThat(messages(with("registered_at", "yesterday")))
                .containsExactly("Registered at: not a valid date and time (e.g. 2026-11-21T09:30:00Z).");
        assertThat(messages(with("registered_at", "2026-11-21T12:00:00+01:00")))
                .containsExactly("Registered at: the date cannot be in the future.");
    }

    @Test
    void yesNoFieldsAreBooleans() {
        assertThat(messages(with("separated", "yes"))).contains("Separated from caregivers: the value has the wrong type.");
    }

    @Test
    void singleChoiceAcceptsOnlyItsOptionsOrLookupValues() {
        assertThat(messages(with("sex", "unknown"))).containsExactly("Sex: unknown is not one of the options.");
        assertThat(messages(with("separation_reason", "boredom")))
                .containsExactly("Reason of separation: boredom is not one of the options.");
    }

    @Test
    void aRetiredLookupValueIsRefusedInNewDataButKeptWhereItWasAlreadyRecorded() {
        Map<String, Object> data = aRegistration();
        data.put("separation_reason", "old_reason");

        assertThat(messages(validate(data)))
                .containsExactly("Reason of separation: old_reason is no longer in use; choose another value.");
        assertThat(validator.validate(schema, data, Map.of("separation_reason", "old_reason"), Locale.ENGLISH).valid())
                .isTrue();
    }

    @Test
    void multipleChoiceRefusesUnknownAndRepeatedValues() {
        assertThat(messages(with("needs", List.of("food", "food", "toys")))).containsExactlyInAnyOrder(
                "Needs: food is chosen twice.", "Needs: toys is not one of the options.");
    }

    @Test
    void tallyTotalsMustAddUpAndCountsMustBeWholeAndPositive() {
        assertThat(messages(with("household", Map.of("boys", 2, "girls", 1, "total", 4))))
                .containsExactly("Household members: the total 4 is not the sum of the counts (3).");
        assertThat(messages(with("household", Map.of("boys", -1)))).containsExactly(
                "Household members: counts must be whole numbers of at least 0.");
        assertThat(messages(with("household", Map.of("cats", 1))))
                .containsExactly("Household members: cats is not one of the options.");
    }

    @Test
    void locationsMustBePlacesOfTheHierarchy() {
        assertThat(with("current_location", "nk").valid()).isTrue();
        assertThat(messages(with("current_location", "atlantis")))
                .containsExactly("Current location: atlantis is not one of the options.");
    }

    @Test
    void repeatingGroupsCheckTheirSizeAndEachItemWithSiblingConditions() {
        Map<String, Object> sibling = new LinkedHashMap<>(Map.of("relation", "sister", "age", 10));

        ValidatedData result = with("siblings", List.of(sibling, Map.of("name", "A"), Map.of("name", "B"), Map.of("name", "C")));

        assertThat(result.problems()).extracting(FormProblem::path, FormProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/siblings", "Siblings: at most 3 entries."),
                org.assertj.core.groups.Tuple.tuple("/siblings/0/name", "Name is required."),
                org.assertj.core.groups.Tuple.tuple("/siblings/0/school_grade", "School grade is required."));
        assertThat(result.hidden()).contains("/siblings/1/school_grade");
    }

    @Test
    void attachmentFieldsHoldAnAttachmentId() {
        assertThat(messages(with("photo", 42))).containsExactly("Photo: the value has the wrong type.");
        assertThat(with("consent_signature", "attachment-9").data()).containsEntry("consent_signature", "attachment-9");
    }

    @Test
    void calculatedFieldsAreComputedByTheServerWhateverTheClientSent() {
        assertThat(with("age", 99).data()).containsEntry("age", 12L);
    }

    @Test
    void aHiddenFieldIsNeitherRequiredNorStored() {
        Map<String, Object> data = aRegistration();
        data.put("separated", false);

        ValidatedData result = validate(data);

        assertThat(result.problems()).isEmpty();
        assertThat(result.data()).doesNotContainKey("separation_reason");
        assertThat(result.hidden()).contains("/separation_reason");
    }

    @Test
    void aVisibleRequiredFieldIsRequired() {
        Map<String, Object> data = aRegistration();
        data.remove("separation_reason");

        assertThat(validate(data).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/separation_reason");
            assertThat(problem.message()).isEqualTo("Reason of separation is required.");
        });
    }

    @Test
    void fieldsThatAreNotInTheFormAreRefused() {
        assertThat(messages(with("favourite_colour", "blue"))).containsExactly("favourite_colour is not a field of this form.");
    }

    @Test
    void everyProblemIsReportedInTheUsersLanguage() {
        Map<String, Object> data = aRegistration();
        data.remove("sex");
        data.put("height_cm", "tall");
        data.put("dob", "2030");

        ValidatedData result = validator.validate(schema, data, null, Locale.FRENCH);

        assertThat(messages(result)).containsExactlyInAnyOrder("Sex (fr) est obligatoire.",
                "Height (cm) (fr) : la valeur n'a pas le bon type.",
                "Date of birth (fr) : la date ne peut pas être dans le futur.");
    }

    @Test
    void theCallersDataIsNotChanged() {
        Map<String, Object> data = aRegistration();

        validate(data);

        assertThat(data).containsKey("identity_heading").doesNotContainKey("age");
    }

    @Test
    void twoVersionsWithTheSameIdValidateEachAgainstItsOwnDefinitions() {
        FormDefinitions.Builder first = FormDefinitions.aRegistrationForm().constraint("notes", "$ref", "#/$defs/note");
        first.map().put("$defs", Map.of("note", Map.of("maxLength", 5)));
        FormDefinitions.Builder second = FormDefinitions.aRegistrationForm().constraint("notes", "$ref", "#/$defs/note");
        second.map().put("$defs", Map.of("note", Map.of("maxLength", 50)));
        Map<String, Object> data = aRegistration();
        data.put("notes", "twelve chars");

        assertThat(validator.validate(first.schema(), data, null, Locale.ENGLISH).valid()).isFalse();
        assertThat(validator.validate(second.schema(), data, null, Locale.ENGLISH).valid()).isTrue();
        assertThat(validator.validate(first.schema(), data, null, Locale.ENGLISH).valid()).isFalse();
    }
}
