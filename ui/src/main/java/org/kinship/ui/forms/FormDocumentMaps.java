package org.kinship.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Typed access to the maps and lists of a parsed JSON document. */
final class FormDocumentMaps {

    private FormDocumentMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** The object under {@code key}, created empty when missing. */
    static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            value = new LinkedHashMap<String, Object>();
            parent.put(key, value);
        }
        return object(value);
    }

    /** The list under {@code key}, created empty when missing. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof List<?>)) {
            value = new ArrayList<>();
            parent.put(key, value);
        }
        return (List<Object>) value;
    }

    static Map<String, String> strings(@Nullable Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        }
        return strings;
    }
}
