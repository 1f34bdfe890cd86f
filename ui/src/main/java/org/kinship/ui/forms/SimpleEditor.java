package org.kinship.ui.forms;

import java.util.function.Function;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormField;

/**
 * An editor that is one Vaadin field: label, help, required indicator and error message are the field's own;
 * two functions convert between the component's value and the stored value.
 */
final class SimpleEditor<C extends AbstractField<C, V> & HasValidation & HasLabel, V> implements FieldEditor {

    private final FormField field;
    private final C component;
    private final Function<@Nullable V, @Nullable Object> toStored;
    private final Function<@Nullable Object, @Nullable V> fromStored;

    SimpleEditor(FormField field, C component, RenderContext context,
            Function<@Nullable V, @Nullable Object> toStored, Function<@Nullable Object, @Nullable V> fromStored) {
        this.field = field;
        this.component = component;
        this.toStored = toStored;
        this.fromStored = fromStored;
        component.setLabel(context.label(field));
        if (component instanceof HasHelper helper && !context.help(field).isEmpty()) {
            helper.setHelperText(context.help(field));
        }
        component.setRequiredIndicatorVisible(field.required());
        component.setReadOnly(field.readOnly());
        component.setId("field-" + field.pointer().replace('/', '-').substring(1));
    }

    @Override
    public FormField field() {
        return field;
    }

    @Override
    public Component component() {
        return component;
    }

    @Override
    public @Nullable Object value() {
        return component.isEmpty() ? null : toStored.apply(component.getValue());
    }

    @Override
    public void setValue(@Nullable Object value) {
        V shown = value == null ? null : fromStored.apply(value);
        if (shown == null) {
            component.clear();
        } else {
            component.setValue(shown);
        }
    }

    @Override
    public void setError(@Nullable String message) {
        component.setErrorMessage(message);
        component.setInvalid(message != null);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        component.setReadOnly(readOnly || field.readOnly());
    }

    @Override
    public void onChange(Runnable listener) {
        ((HasValue<?, ?>) component).addValueChangeListener(event -> listener.run());
    }
}
