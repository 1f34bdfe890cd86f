package org.kinship.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormField;

/** A heading with its help text; it holds no data. */
final class HeadingEditor implements FieldEditor {

    private final FormField field;
    private final Div component = new Div();

    HeadingEditor(FormField field, RenderContext context) {
        this.field = field;
        component.addClassName("kinship-form-heading");
        component.add(new H4(context.label(field)));
        if (!context.help(field).isEmpty()) {
            component.add(new Paragraph(context.help(field)));
        }
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
        return null;
    }

    @Override
    public void setValue(@Nullable Object value) {
    }

    @Override
    public void setError(@Nullable String message) {
    }

    @Override
    public void setReadOnly(boolean readOnly) {
    }

    @Override
    public void onChange(Runnable listener) {
    }
}
