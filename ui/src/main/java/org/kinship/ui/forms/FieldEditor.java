package org.kinship.ui.forms;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormField;

/**
 * The editor of one field of a rendered form: a Vaadin component plus the conversion between what it shows
 * and the value stored in the form data (the JSON shapes documented in docs/forms.md).
 */
interface FieldEditor {

    FormField field();

    Component component();

    /** The value as stored in the form data, or {@code null} when empty. */
    @Nullable Object value();

    void setValue(@Nullable Object value);

    /** Shows (or clears, with {@code null}) a problem found by validation. */
    void setError(@Nullable String message);

    void setReadOnly(boolean readOnly);

    /** Called on every change the user makes, so rules can be evaluated again. */
    void onChange(Runnable listener);

    default void setVisible(boolean visible) {
        component().setVisible(visible);
    }
}
