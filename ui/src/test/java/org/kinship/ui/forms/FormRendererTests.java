package org.kinship.ui.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormDataValidator;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormSchema;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupSource;
import org.kinship.forms.LookupValue;
import org.kinship.forms.ValidatedData;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;

/** The renderer with every field kind: rendered, filled, validated by the server's validator, read back. */
class FormRendererTests extends BrowserlessTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final Messages MESSAGES = new Messages();
    static final List<Lookup> LOOKUP_LIST = List.of(
            new Lookup("separation_reasons", Map.of("en", "Reasons of separation"), List.of(
                    LookupValue.of("conflict", Map.of("en", "Armed conflict", "fr", "Conflit armé")),
                    LookupValue.of("displacement", Map.of("en", "Displacement")),
                    new LookupValue("old_reason", Map.of("en", "Old reason"), true, null)), 1),
            new Lookup("locations", Map.of("en", "Locations"), List.of(
                    LookupValue.of("nk", Map.of("en", "North Kivu")),
                    new LookupValue("nk-goma", Map.of("en", "Goma"), false, "nk")), 1));
    static final LookupSource LOOKUPS = id -> LOOKUP_LIST.stream().filter(l -> l.id().equals(id)).findFirst();

    final InMemoryAttachments attachments = new InMemoryAttachments();

    static FormSchema everyKind() {
        try (InputStream in = FormRendererTests.class.getResourceAsStream("/forms/every-kind.json")) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    FormRenderer render(Locale locale) {
        return new FormRenderer(everyKind(), new RenderContext(locale, MESSAGES, LOOKUPS, attachments, CLOCK));
    }

    @SuppressWarnings("unchecked")
    static <V> void set(FormRenderer form, String field, V value) {
        ((HasValue<?, V>) form.editor(field).component()).setValue(value);
    }

    @Test
    void everyFieldKindIsRenderedWithTheRightComponent() {
        FormRenderer form = render(Locale.ENGLISH);

        Map<String, Class<?>> expected = Map.ofEntries(
                Map.entry("full_name", TextField.class), Map.entry("notes", TextArea.class),
                Map.entry("age_estimate", IntegerField.class), Map.entry("height_cm", BigDecimalField.class),
                Map.entry("dob", TextField.class), Map.entry("registered_at", DateTimePicker.class),
                Map.entry("separated", RadioButtonGroup.class), Map.entry("sex", RadioButtonGroup.class),
                Map.entry("separation_reason", ComboBox.class), Map.entry("needs", CheckboxGroup.class),
                Map.entry("household", TallyField.class), Map.entry("current_location", ComboBox.class),
                Map.entry("photo", AttachmentField.class), Map.entry("voice_message", AttachmentField.class),
                Map.entry("birth_certificate", AttachmentField.class),
                Map.entry("consent_signature", AttachmentField.class), Map.entry("age", TextField.class));
        expected.forEach((field, type) -> assertThat(form.editor(field).component()).as(field).isInstanceOf(type));
        assertThat(form.editor("siblings")).isInstanceOf(GroupEditor.class);
        assertThat(form.editor("identity_heading")).isInstanceOf(HeadingEditor.class);
        assertThat(everyKind().allFields().values()).extracting(f -> f.kind())
                .containsAll(Set.of(FieldKind.values()));
    }

    @Test
    void aFormFilledInTheRendererPassesServerValidationAndReadsBackUnchanged() {
        FormRenderer form = render(Locale.ENGLISH);
        fillEveryKind(form);

        Map<String, Object> data = form.getData();
        ValidatedData validated = new FormDataValidator(LOOKUPS, MESSAGES, CLOCK)
                .validate(everyKind(), data, null, Locale.ENGLISH);

        assertThat(validated.problems()).isEmpty();
        assertThat(validated.data()).containsEntry("full_name", "Amina K.").containsEntry("age", 12L)
                .containsEntry("height_cm", 131.5).containsEntry("separated", true)
                .containsEntry("needs", List.of("food", "medical"))
                .containsEntry("registered_at", "2026-11-20T09:30Z")
                .containsEntry("household", Map.of("boys", 2, "girls", 1, "total", 3))
                .doesNotContainKey("age_estimate");
        assertThat(validated.data().get("siblings")).isEqualTo(List.of(
                Map.of("name", "Jean", "age", 8, "school_grade", "P3"), Map.of("name", "Lea", "age", 4)));

        FormRenderer reopened = render(Locale.ENGLISH);
        reopened.setData(validated.data());
        assertThat(reopened.getData()).isEqualTo(form.getData());
        assertThat(((TextField) reopened.editor("age").component()).getValue()).isEqualTo("12");
    }

    @Test
    void conditionsHideFieldsAndHiddenFieldsAreNotStored() {
        FormRenderer form = render(Locale.ENGLISH);

        set(form, "separated", Boolean.FALSE);
        assertThat(form.editor("separation_reason").component().isVisible()).isFalse();
        set(form, "separated", Boolean.TRUE);
        assertThat(form.editor("separation_reason").component().isVisible()).isTrue();

        set(form, "age_estimate", 9);
        assertThat(form.editor("age_estimate").component().isVisible()).isTrue();
        set(form, "dob", "2015");
        assertThat(form.editor("age_estimate").component().isVisible()).isFalse();
        assertThat(form.getData()).doesNotContainKey("age_estimate").containsEntry("age", 11L);
    }

    @Test
    void aConditionInsideARepeatingGroupAppliesToEachEntry() {
        FormRenderer form = render(Locale.ENGLISH);
        GroupEditor siblings = (GroupEditor) form.editor("siblings");

        siblings.setValue(List.of(Map.of("name", "Jean", "age", 8), Map.of("name", "Lea", "age", 4)));
        set(form, "notes", "group changed");

        assertThat(siblings.entries().get(0).get("school_grade").component().isVisible()).isTrue();
        assertThat(siblings.entries().get(1).get("school_grade").component().isVisible()).isFalse();
    }

    @Test
    void aRepeatingGroupCannotGrowPastItsMaximum() {
        FormRenderer form = render(Locale.ENGLISH);
        GroupEditor siblings = (GroupEditor) form.editor("siblings");
        Button add = (Button) siblings.component().getChildren().filter(Button.class::isInstance).findFirst().orElseThrow();

        for (int i = 0; i < 10; i++) {
            add.click();
        }

        assertThat(siblings.entries()).hasSize(10);
        assertThat(add.isEnabled()).isFalse();
    }

    @Test
    void serverProblemsAreShownNextToTheirFields() {
        FormRenderer form = render(Locale.FRENCH);
        set(form, "separated", Boolean.TRUE);
        ((GroupEditor) form.editor("siblings")).setValue(List.of(Map.of("age", 8)));

        ValidatedData validated = new FormDataValidator(LOOKUPS, MESSAGES, CLOCK)
                .validate(everyKind(), form.getData(), null, Locale.FRENCH);
        List<FormProblem> unplaced = form.showProblems(validated.problems());

        assertThat(validated.problems()).extracting(FormProblem::path).contains("/full_name", "/siblings/0/name");
        assertThat(unplaced).isEmpty();
        HasValidation fullName = (HasValidation) form.editor("full_name").component();
        assertThat(fullName.isInvalid()).isTrue();
        assertThat(fullName.getErrorMessage()).isEqualTo(validated.problems().stream()
                .filter(p -> p.path().equals("/full_name")).findFirst().orElseThrow().message());
        HasValidation siblingName = (HasValidation) ((GroupEditor) form.editor("siblings")).entries().get(0)
                .get("name").component();
        assertThat(siblingName.isInvalid()).isTrue();
    }

    @Test
    void inArabicTheFormIsRightToLeftWithArabicLabelsAndOptions() {
        FormRenderer form = render(SupportedLocales.ARABIC);

        assertThat(form.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(((TextField) form.editor("full_name").component()).getLabel()).isEqualTo("الاسم الكامل");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> sex = (RadioButtonGroup<String>) form.editor("sex").component();
        assertThat(sex.getItemLabelGenerator().apply("female")).isEqualTo("أنثى");
        assertThat(render(Locale.ENGLISH).getElement().getAttribute("dir")).isEqualTo("ltr");
    }

    @Test
    void retiredLookupValuesAreNotOfferedAndPlacesShowTheirParents() {
        FormRenderer form = render(Locale.ENGLISH);

        @SuppressWarnings("unchecked")
        ComboBox<String> reason = (ComboBox<String>) form.editor("separation_reason").component();
        @SuppressWarnings("unchecked")
        ComboBox<String> place = (ComboBox<String>) form.editor("current_location").component();

        assertThat(reason.getListDataView().getItems()).containsExactly("conflict", "displacement");
        assertThat(place.getItemLabelGenerator().apply("nk-goma")).isEqualTo("North Kivu › Goma");
    }

    @Test
    void markupInLabelsAndOptionsIsShownAsTextNeverAsHtml() {
        String markup = "<b>Name</b><img src=x onerror=alert(1)>";
        FormSchema schema = FormSchema.parse(FormDocument.blank("markup", "Markup").toJson()
                .replace("\"Name\"", "\"" + markup.replace("\"", "\\\"") + "\""));

        FormRenderer form = new FormRenderer(schema, new RenderContext(Locale.ENGLISH, MESSAGES, LOOKUPS, attachments, CLOCK));

        TextField name = (TextField) form.editor("name").component();
        // a label is the text property of the field, never inner HTML
        assertThat(name.getLabel()).isEqualTo(markup);
        assertThat(name.getElement().getChildren()).noneMatch(child -> child.getOuterHTML().contains("<b>"));
    }

    private void fillEveryKind(FormRenderer form) {
        set(form, "full_name", "Amina K.");
        set(form, "sex", "female");
        set(form, "dob", "2014-03");
        set(form, "height_cm", new BigDecimal("131.5"));
        set(form, "registered_at", LocalDateTime.of(2026, 11, 20, 9, 30));
        set(form, "separated", Boolean.TRUE);
        set(form, "separation_reason", "conflict");
        set(form, "needs", Set.of("medical", "food"));
        set(form, "household", Map.of("boys", 2, "girls", 1));
        set(form, "current_location", "nk-goma");
        ((GroupEditor) form.editor("siblings")).setValue(
                List.of(Map.of("name", "Jean", "age", 8, "school_grade", "P3"), Map.of("name", "Lea", "age", 4)));
        set(form, "notes", "Found near the market");
        for (String attachment : List.of("photo", "voice_message", "birth_certificate", "consent_signature")) {
            Component field = form.editor(attachment).component();
            ((AttachmentField) field).attach(attachments.store(attachment + ".bin", "application/octet-stream",
                    new byte[2048]));
        }
        assertThat(LocalDate.now(CLOCK)).isEqualTo(LocalDate.of(2026, 11, 21));
    }
}
