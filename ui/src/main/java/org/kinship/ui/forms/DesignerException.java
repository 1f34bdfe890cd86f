package org.kinship.ui.forms;

import java.util.List;

/**
 * A designer action that cannot be done, named by a message key and its arguments so that the view shows it
 * in the administrator's language.
 */
final class DesignerException extends IllegalArgumentException {

    private final String key;
    private final List<Object> args;

    DesignerException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.toArray();
    }
}
