package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.forms.FormDefinitions.aRegistrationForm;
import static org.kinship.forms.FormDefinitions.field;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.i18n.Messages;

class FormDefinitionValidatorTests {

    private final FormDefinitionValidator validator = new FormDefinitionValidator(FormDefinitions.lookups(), new Messages());

    private DefinitionReport check(FormDefinitions.Builder form) {
        return validator.validate(form.json(), Locale.ENGLISH);
    }

    private static List<String> codes(DefinitionReport report) {
        return report.errors().stream().map(FormProblem::code).toList();
    }

    @Test
    void theRegistrationFormUsingEveryKindIsValidWithoutWarnings() {
        DefinitionReport report = check(aRegistrationForm());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void textThatIsNotJsonIsOneClearProblem() {
        DefinitionReport report = validator.validate("{\"title\": ", Locale.ENGLISH);

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).isEqualTo("The definition is not valid JSON.");
        });
    }

    @Test
    void aJsonArrayIsNotADefinition() {
        assertThat(codes(validator.validate("[1, 2]", Locale.ENGLISH))).containsExactly("forms.definition.notObject");
    }

    @Test
    void anInvalidJsonSchemaIsReportedWhereItIsWrong() {
        DefinitionReport report = check(aRegistrationForm().constraint("full_name", "maxLength", -1)
                .constraint("notes", "type", "text"));

        assertThat(report.errors()).extracting(FormProblem::path)
                .contains("/properties/full_name/maxLength", "/properties/notes/type");
        assertThat(codes(report)).contains("forms.definition.notSchema");
    }

    @Test
    void anUnknownKindIsAnError() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "kind", "rich_text"));

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/properties/notes/x-kinship/kind");
            assertThat(problem.message()).isEqualTo("Unknown field kind rich_text.");
        });
    }

    @Test
    void anUnknownAnnotationKeyIsAnErrorOnFieldsAndOnTheForm() {
        FormDefinitions.Builder form = aRegistrationForm().annotate("notes", "colour", "red");
        form.formAnnotation().put("theme", "dark");

        assertThat(check(form).errors()).extracting(FormProblem::path)
                .containsExactlyInAnyOrder("/properties/notes/x-kinship/colour", "/x-kinship/theme");
    }

    @Test
    void anAnnotationThatDoesNotFitTheKindIsAnError() {
        assertThat(codes(check(aRegistrationForm().annotate("notes", "partialDate", true))))
                .containsExactly("forms.definition.annotationNotForKind");
    }

    @Test
    void aFieldWrittenTwiceIsAnError() {
        String json = aRegistrationForm().json().replace("\"notes\":{", "\"notes\":{\"type\":\"string\"},\"notes\":{");

        DefinitionReport report = validator.validate(json, Locale.ENGLISH);

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/properties/notes");
            assertThat(problem.code()).isEqualTo("forms.definition.duplicateName");
        });
    }

    @Test
    void aFieldInAnUnknownSectionIsAnError() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "section", "medical"));

        assertThat(report.errors()).singleElement().extracting(FormProblem::message)
                .isEqualTo("The section medical does not exist in this form.");
    }

    @Test
    void aMissingLookupIsAnError() {
        DefinitionReport report = check(aRegistrationForm().annotate("separation_reason", "lookup", "no_such_list")
                .annotate("current_location", "hierarchy", "no_places"));

        assertThat(report.errors()).extracting(FormProblem::path).containsExactlyInAnyOrder(
                "/properties/separation_reason/x-kinship/lookup", "/properties/current_location/x-kinship/hierarchy");
    }

    @Test
    void aChoiceWithoutOptionsOrLookupIsAnError() {
        FormDefinitions.Builder form = aRegistrationForm();
        FormDefinitions.annotation(form.property("sex")).remove("options");

        assertThat(codes(check(form))).containsExactly("forms.definition.optionsMissing");
    }

    @Test
    void aConditionOnAMissingFieldIsAnError() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "visibleWhen", "nationality == 'x'"));

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/properties/notes/x-kinship/visibleWhen");
            assertThat(problem.message()).startsWith("The rule refers to nationality,");
        });
    }

    @Test
    void itemReferencesOnlyWorkInsideARepeatingGroup() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "visibleWhen", "item.age > 3"));

        assertThat(codes(report)).containsExactly("forms.definition.unknownReference");
    }

    @Test
    void aRuleThatDoesNotParseIsAnError() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "visibleWhen", "sex = 'female'"));

        assertThat(report.errors()).singleElement().extracting(FormProblem::message).asString()
                .startsWith("The rule cannot be read: use == to compare");
    }

    @Test
    void circularCalculationsAreAnError() {
        FormDefinitions.Builder form = aRegistrationForm()
                .field("a", field("integer", "calculated", "identity", "A")).annotate("a", "calculate", "b + 1")
                .field("b", field("integer", "calculated", "identity", "B")).annotate("b", "calculate", "a * 2");

        DefinitionReport report = check(form);

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("forms.definition.calculationCycle");
            assertThat(problem.message()).contains("a -> b -> a");
        });
    }

    @Test
    void aCalculationUsingItselfIsACycleToo() {
        assertThat(codes(check(aRegistrationForm().annotate("age", "calculate", "age + 1"))))
                .containsExactly("forms.definition.calculationCycle");
    }

    @Test
    void aMissingEnglishLabelIsAnErrorAndAMissingTranslationAWarning() {
        FormDefinitions.Builder form = aRegistrationForm()
                .annotate("notes", "label", Map.of("en", "Notes", "fr", "Notes"))
                .annotate("height_cm", "label", Map.of("fr", "Taille"));

        DefinitionReport report = check(form);

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/properties/height_cm/x-kinship/label");
            assertThat(problem.message()).isEqualTo("The text in language en is missing.");
        });
        assertThat(report.warnings()).extracting(FormProblem::message).containsExactlyInAnyOrder(
                "No text in language es yet; English will be shown instead.",
                "No text in language ar yet; English will be shown instead.",
                "No text in language es yet; English will be shown instead.",
                "No text in language ar yet; English will be shown instead.");
    }

    @Test
    void aKindWhoseJsonTypeDoesNotFitIsAnError() {
        assertThat(codes(check(aRegistrationForm().constraint("separated", "type", "string"))))
                .containsExactly("forms.definition.typeMismatch");
    }

    @Test
    void aRequiredFieldThatIsNotDefinedIsAnError() {
        assertThat(codes(check(aRegistrationForm().required("nickname")))).containsExactly("forms.definition.requiredUnknown");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        FormDefinitions.Builder form = aRegistrationForm()
                .annotate("notes", "kind", "rich_text")
                .annotate("sex", "section", "nowhere")
                .annotate("height_cm", "visibleWhen", "weight > 3")
                .annotate("separation_reason", "lookup", "gone");
        form.formAnnotation().put("formId", "Bad Id");

        assertThat(check(form).errors()).hasSize(5);
    }

    @Test
    void messagesFollowTheCallersLanguage() {
        DefinitionReport report = validator.validate(aRegistrationForm().annotate("notes", "section", "medical").json(),
                Locale.FRENCH);

        assertThat(report.errors()).singleElement().extracting(FormProblem::message)
                .isEqualTo("La section medical n'existe pas dans ce formulaire.");
    }

    @Test
    void annotationValuesOfTheWrongTypeAreErrors() {
        DefinitionReport report = check(aRegistrationForm().annotate("notes", "order", "3")
                .annotate("notes", "sensitive", "yes"));

        assertThat(report.errors()).extracting(FormProblem::path, FormProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/properties/notes/x-kinship/order",
                        "order has the wrong type of value: integer expected."),
                org.assertj.core.groups.Tuple.tuple("/properties/notes/x-kinship/sensitive",
                        "sensitive has the wrong type of value: boolean expected."));
    }

    @Test
    void aDefaultChoiceMustBeAnOptionOrAnActiveLookupValue() {
        assertThat(check(aRegistrationForm().annotate("sex", "default", "female")).valid()).isTrue();
        assertThat(codes(check(aRegistrationForm().annotate("sex", "default", "unknown"))))
                .containsExactly("forms.definition.defaultNotAnOption");
        assertThat(codes(check(aRegistrationForm().annotate("separation_reason", "default", "old_reason"))))
                .containsExactly("forms.definition.defaultNotAnOption");
    }

    @Test
    void referencesOutsideTheDocumentAreRefusedAndLocalOnesAccepted() {
        FormDefinitions.Builder form = aRegistrationForm();
        form.map().put("$defs", Map.of("name", Map.of("type", "string", "maxLength", 80)));
        form.constraint("notes", "$ref", "#/$defs/name");
        assertThat(check(form).errors()).isEmpty();

        form.constraint("notes", "$ref", "classpath:application.properties")
                .constraint("full_name", "$ref", "http://169.254.169.254/latest/meta-data");

        assertThat(check(form).errors()).extracting(FormProblem::path).containsExactlyInAnyOrder(
                "/properties/notes/$ref", "/properties/full_name/$ref");
    }

    @Test
    void sectionsNeedUniqueIdsAndAnEnglishLabel() {
        FormDefinitions.Builder form = aRegistrationForm();
        @SuppressWarnings("unchecked")
        List<Object> sections = (List<Object>) form.formAnnotation().get("sections");
        sections.add(Map.of("id", "family", "label", FormDefinitions.labels("Family again")));
        sections.add(Map.of("id", "medical", "label", Map.of("fr", "Médical")));

        assertThat(check(form).errors()).extracting(FormProblem::path, FormProblem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/x-kinship/sections/2/id", "forms.definition.duplicateSection"),
                org.assertj.core.groups.Tuple.tuple("/x-kinship/sections/3/label", "forms.definition.labelMissing"));
    }
}
