package org.kinship.ui.forms;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.jspecify.annotations.Nullable;

/** Counts per option and their total, stored as {@code {"<option>": n, ..., "total": sum}}. */
final class TallyField extends CustomField<Map<String, Object>> {

    private final Map<String, IntegerField> counts = new LinkedHashMap<>();
    private final Span total = new Span();
    private final RenderContext context;

    TallyField(Choices choices, RenderContext context) {
        this.context = context;
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        for (String option : choices.values()) {
            IntegerField count = new IntegerField(choices.label(option));
            count.setMin(0);
            count.setStepButtonsVisible(true);
            count.setWidth("9em");
            count.addValueChangeListener(event -> {
                updateTotal();
                updateValue();
            });
            counts.put(option, count);
            row.add(count);
        }
        total.addClassName("kinship-tally-total");
        updateTotal();
        add(row, total);
    }

    private int sum() {
        return counts.values().stream().map(IntegerField::getValue).filter(v -> v != null).mapToInt(Integer::intValue).sum();
    }

    private void updateTotal() {
        total.setText(context.text("forms.tally.total", sum()));
    }

    @Override
    protected @Nullable Map<String, Object> generateModelValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        counts.forEach((option, field) -> {
            if (field.getValue() != null) {
                value.put(option, field.getValue());
            }
        });
        if (value.isEmpty()) {
            return null;
        }
        value.put("total", sum());
        return value;
    }

    @Override
    protected void setPresentationValue(@Nullable Map<String, Object> value) {
        counts.forEach((option, field) -> {
            Object count = value == null ? null : value.get(option);
            field.setValue(count instanceof Number number ? number.intValue() : null);
        });
        updateTotal();
    }

    @Override
    public boolean isEmpty() {
        return getValue() == null || getValue().isEmpty();
    }
}
