package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serialization a signature is computed over: object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as Jackson writes them (the RFC 8785 idea without its number rules; package
 * numbers are whole). Reformatting or reordering a package file therefore keeps its signature valid.
 */
final class CanonicalJson {

    /** Lenient on input: a lookup may leave out {@code retired} or {@code version}. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(MAPPER.writeValueAsString(names.get(i))).append(':');
                append(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                append(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }
}
