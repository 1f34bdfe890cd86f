package org.kinship.forms.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Finds properties written twice in the same JSON object (a tree parser silently keeps the last one), so
 * that a field defined twice is reported together with every other problem.
 */
final class DuplicateKeys {

    private static final class Frame {
        final String path;
        final boolean array;
        final Set<String> names = new HashSet<>();
        int index = -1;
        String name = "";

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }

        String child() {
            return array ? path + "/" + ++index : Json.pointer(path, name);
        }
    }

    private DuplicateKeys() {
    }

    /** JSON Pointers of every repeated property, in document order; empty for text that is not JSON. */
    static List<String> find(String json) {
        List<String> duplicates = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    Frame frame = stack.element();
                    frame.name = parser.currentName();
                    if (!frame.names.add(frame.name)) {
                        duplicates.add(Json.pointer(frame.path, frame.name));
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                } else {
                    String path = stack.isEmpty() ? "" : stack.element().child();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        stack.push(new Frame(path, token == JsonToken.START_ARRAY));
                    }
                }
            }
        } catch (JacksonException e) {
            return List.of();
        }
        return duplicates;
    }
}
