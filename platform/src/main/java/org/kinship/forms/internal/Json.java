package org.kinship.forms.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jackson for the forms feature: reading schema and data documents and lenient access to their parts. */
public final class Json {

    /** Lenient on input: a lookup file may leave out {@code retired}, {@code version} or carry extra keys. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The parsed document, or empty when {@code text} is not JSON. */
    public static Optional<JsonNode> read(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON value as plain Java: maps, lists, strings, numbers, booleans, null. */
    public static @Nullable Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    /** A JSON object as a plain Java map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, Map.class);
    }

    static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static boolean flag(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    static @Nullable Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isIntegralNumber() ? value.intValue() : null;
    }

    /** A {@code {"en": "...", "fr": "..."}} object as a map; anything else is empty. */
    static Map<String, String> labels(@Nullable JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    labels.put(e.getKey(), e.getValue().stringValue());
                }
            });
        }
        return labels;
    }

    /** Escapes a property name for use in a JSON Pointer. */
    public static String pointer(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
