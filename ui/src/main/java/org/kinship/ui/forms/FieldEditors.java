package org.kinship.ui.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormField;

/** Creates the editor for a field according to its kind (see docs/forms.md for the stored shapes). */
final class FieldEditors {

    private FieldEditors() {
    }

    static FieldEditor create(FormField field, RenderContext context) {
        return switch (field.kind()) {
            case SHORT_TEXT -> text(field, new TextField(), context);
            case LONG_TEXT -> text(field, new TextArea(), context);
            case INTEGER -> new SimpleEditor<>(field, new IntegerField(), context, v -> v,
                    v -> v instanceof Number n ? n.intValue() : null);
            case DECIMAL -> new SimpleEditor<>(field, new BigDecimalField(), context, FieldEditors::number,
                    v -> v instanceof Number n ? new BigDecimal(n.toString()) : null);
            case DATE -> field.partialDate() ? partialDate(field, context) : date(field, context);
            case DATE_TIME -> new SimpleEditor<>(field, new DateTimePicker(), context,
                    v -> v == null ? null : v.atOffset(ZoneOffset.UTC).toString(),
                    v -> v == null ? null : OffsetDateTime.parse(v.toString()).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime());
            case YES_NO -> yesNo(field, context);
            case SINGLE_CHOICE, LOCATION -> singleChoice(field, context);
            case MULTIPLE_CHOICE -> multipleChoice(field, context);
            case TALLY -> new SimpleEditor<>(field, new TallyField(Choices.of(field, context, null), context),
                    context, v -> v, FieldEditors::asMap);
            case PHOTO, AUDIO, DOCUMENT, SIGNATURE -> new SimpleEditor<>(field,
                    new AttachmentField(field.kind(), context), context, v -> v, v -> v == null ? null : v.toString());
            case CALCULATED -> calculated(field, context);
            case REPEATING_GROUP -> new GroupEditor(field, context);
            case HEADING -> new HeadingEditor(field, context);
        };
    }

    private static FieldEditor text(FormField field, TextField component, RenderContext context) {
        component.setWidthFull();
        return new SimpleEditor<>(field, component, context, v -> v == null || v.isBlank() ? null : v,
                v -> v == null ? null : v.toString());
    }

    private static FieldEditor text(FormField field, TextArea component, RenderContext context) {
        component.setWidthFull();
        return new SimpleEditor<>(field, component, context, v -> v == null || v.isBlank() ? null : v,
                v -> v == null ? null : v.toString());
    }

    private static FieldEditor date(FormField field, RenderContext context) {
        DatePicker picker = new DatePicker();
        picker.setLocale(context.locale());
        if (field.notInFuture()) {
            picker.setMax(LocalDate.now(context.clock()));
        }
        return new SimpleEditor<>(field, picker, context, v -> v == null ? null : v.toString(),
                v -> v == null ? null : LocalDate.parse(v.toString()));
    }

    /** Year, year-month or a full date typed as text: "2015", "2015-06", "2015-06-21". */
    private static FieldEditor partialDate(FormField field, RenderContext context) {
        TextField text = new TextField();
        text.setPattern("\\d{4}(-\\d{2}(-\\d{2})?)?");
        text.setPlaceholder(context.text("forms.partialDate.placeholder"));
        text.setHelperText(context.help(field).isEmpty() ? context.text("forms.partialDate.help") : context.help(field));
        return new SimpleEditor<>(field, text, context, v -> v == null || v.isBlank() ? null : v.strip(),
                v -> v == null ? null : v.toString());
    }

    private static FieldEditor yesNo(FormField field, RenderContext context) {
        RadioButtonGroup<Boolean> group = new RadioButtonGroup<>();
        group.setItems(Boolean.TRUE, Boolean.FALSE);
        group.setItemLabelGenerator(v -> context.text(v ? "forms.yes" : "forms.no"));
        return new SimpleEditor<>(field, group, context, v -> v, v -> v instanceof Boolean b ? b : null);
    }

    private static FieldEditor singleChoice(FormField field, RenderContext context) {
        Choices choices = Choices.of(field, context, field.defaultValue());
        if ("radio".equals(field.widget()) || field.widget() == null && choices.values().size() <= 4
                && field.kind() != org.kinship.forms.FieldKind.LOCATION) {
            RadioButtonGroup<String> radio = new RadioButtonGroup<>();
            radio.setItems(choices.values());
            radio.setItemLabelGenerator(choices::label);
            return new SimpleEditor<>(field, radio, context, v -> v, v -> v == null ? null : v.toString());
        }
        ComboBox<String> combo = new ComboBox<>();
        combo.setItems(choices.values());
        combo.setItemLabelGenerator(choices::label);
        combo.setClearButtonVisible(true);
        combo.setWidthFull();
        return new SimpleEditor<>(field, combo, context, v -> v, v -> v == null ? null : v.toString());
    }

    private static FieldEditor multipleChoice(FormField field, RenderContext context) {
        Choices choices = Choices.of(field, context, field.defaultValue());
        if ("dropdown".equals(field.widget())) {
            MultiSelectComboBox<String> combo = new MultiSelectComboBox<>();
            combo.setItems(choices.values());
            combo.setItemLabelGenerator(choices::label);
            combo.setWidthFull();
            return new SimpleEditor<>(field, combo, context, v -> v == null ? null : ordered(v, choices),
                    FieldEditors::asSet);
        }
        CheckboxGroup<String> boxes = new CheckboxGroup<>();
        boxes.setItems(choices.values());
        boxes.setItemLabelGenerator(choices::label);
        return new SimpleEditor<>(field, boxes, context, v -> v == null ? null : ordered(v, choices),
                FieldEditors::asSet);
    }

    private static FieldEditor calculated(FormField field, RenderContext context) {
        TextField shown = new TextField();
        shown.setReadOnly(true);
        return new SimpleEditor<>(field, shown, context, v -> null, v -> v == null ? null : v.toString());
    }

    /** Chosen values in the order the options are listed, so stored data does not depend on click order. */
    private static List<String> ordered(Set<String> chosen, Choices choices) {
        return choices.values().stream().filter(chosen::contains).toList();
    }

    private static @Nullable Object number(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? (Object) plain.longValueExact() : (Object) plain.doubleValue();
    }

    private static @Nullable Set<String> asSet(@Nullable Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        list.forEach(item -> set.add(String.valueOf(item)));
        return set;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> asMap(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
