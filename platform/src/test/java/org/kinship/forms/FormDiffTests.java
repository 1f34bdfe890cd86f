package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.forms.FormDefinitions.aRegistrationForm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormDiffTests {

    private final FormSchema original = aRegistrationForm().schema();

    @Test
    void identicalVersionsHaveNoDifferences() {
        assertThat(FormDiff.between(original, aRegistrationForm().schema()).isEmpty()).isTrue();
    }

    @Test
    void listsAddedAndRemovedFieldsIncludingFieldsOfRepeatingGroups() {
        FormDefinitions.Builder changed = aRegistrationForm().without("notes")
                .field("nickname", FormDefinitions.field("string", "short_text", "identity", "Nickname"));
        @SuppressWarnings("unchecked")
        Map<String, Object> siblingProperties = (Map<String, Object>)
                ((Map<String, Object>) changed.property("siblings").get("items")).get("properties");
        siblingProperties.remove("school_grade");

        FormDiff diff = FormDiff.between(original, changed.schema());

        assertThat(diff.added()).containsExactly("nickname");
        assertThat(diff.removed()).containsExactlyInAnyOrder("notes", "siblings.school_grade");
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void namesTheAttributesThatChanged() {
        FormDefinitions.Builder changed = aRegistrationForm()
                .annotate("sex", "options", List.of(FormDefinitions.option("female"), FormDefinitions.option("male")))
                .annotate("sex", "widget", "dropdown")
                .constraint("full_name", "maxLength", 50)
                .annotate("dob", "visibleWhen", "separated == true")
                .required("notes");

        FormDiff diff = FormDiff.between(original, changed.schema());

        assertThat(diff.changed()).containsExactlyInAnyOrder(
                new FieldChange("sex", List.of("widget", "options")),
                new FieldChange("full_name", List.of("constraints")),
                new FieldChange("dob", List.of("visibleWhen")),
                new FieldChange("notes", List.of("required")));
    }

    @Test
    void aChangedLabelTranslationIsAChangedLabel() {
        Map<String, Object> labels = FormDefinitions.labels("Notes");
        labels.put("fr", "Remarques");

        FormDiff diff = FormDiff.between(original, aRegistrationForm().annotate("notes", "label", labels).schema());

        assertThat(diff.changed()).containsExactly(new FieldChange("notes", List.of("label")));
    }
}
