package org.kinship.templates.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.templates.MergeConflict;
import org.kinship.templates.Resolution;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three-way merge of JSON documents: base = what the package installed before, local = this instance's
 * current version, upstream = the new package's. What changed on one side only is taken from that side;
 * objects are merged key by key; arrays of strings as sets and arrays of objects with a {@code value},
 * {@code id} or {@code riskLevel} by that key (options, sections, lookup values, targets); anything else that
 * changed on both sides differently is a {@link MergeConflict}, settled by a {@link Resolution} (local is kept
 * until one is given).
 */
final class ThreeWayMerge {

    private static final List<String> KEYS = List.of("value", "id", "riskLevel");

    /** The merged document (absent when removed) and the conflicts met on the way. */
    record Result(@Nullable JsonNode merged, List<MergeConflict> conflicts) {
    }

    private final String item;
    private final Map<String, Resolution> resolutions;
    private final List<MergeConflict> conflicts = new ArrayList<>();

    private ThreeWayMerge(String item, Map<String, Resolution> resolutions) {
        this.item = item;
        this.resolutions = resolutions;
    }

    static Result merge(String item, @Nullable JsonNode base, @Nullable JsonNode local, @Nullable JsonNode upstream,
            Map<String, Resolution> resolutions) {
        ThreeWayMerge merge = new ThreeWayMerge(item, resolutions);
        JsonNode merged = merge.node("", base, local, upstream);
        return new Result(merged, List.copyOf(merge.conflicts));
    }

    private @Nullable JsonNode node(String path, @Nullable JsonNode base, @Nullable JsonNode local,
            @Nullable JsonNode upstream) {
        if (same(local, upstream)) {
            return local;
        }
        if (same(base, local)) {
            return upstream;
        }
        if (same(base, upstream)) {
            return local;
        }
        if (isObject(local) && isObject(upstream) && (base == null || base.isObject())) {
            return object(path, base, local, upstream);
        }
        if (keyedArray(local) && keyedArray(upstream) && (base == null || keyedArray(base))) {
            return array(path, base, (ArrayNode) local, (ArrayNode) upstream);
        }
        MergeConflict conflict = new MergeConflict(item, path, text(local), text(upstream));
        conflicts.add(conflict);
        return resolutions.get(conflict.key()) == Resolution.UPSTREAM ? upstream : local;
    }

    private ObjectNode object(String path, @Nullable JsonNode base, JsonNode local, JsonNode upstream) {
        ObjectNode merged = CanonicalJson.MAPPER.createObjectNode();
        Set<String> names = new LinkedHashSet<>(local.propertyNames());
        names.addAll(upstream.propertyNames());
        for (String name : names) {
            JsonNode value = node(path + "/" + name, base == null ? null : base.get(name), local.get(name),
                    upstream.get(name));
            if (value != null) {
                merged.set(name, value);
            }
        }
        return merged;
    }

    private ArrayNode array(String path, @Nullable JsonNode base, ArrayNode local, ArrayNode upstream) {
        Map<String, JsonNode> before = byKey(base);
        Map<String, JsonNode> mine = byKey(local);
        Map<String, JsonNode> theirs = byKey(upstream);
        Set<String> keys = new LinkedHashSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        ArrayNode merged = CanonicalJson.MAPPER.createArrayNode();
        for (String key : keys) {
            JsonNode value = node(path + "/" + key, before.get(key), mine.get(key), theirs.get(key));
            if (value != null) {
                merged.add(value);
            }
        }
        return merged;
    }

    private static Map<String, JsonNode> byKey(@Nullable JsonNode array) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (array != null) {
            array.forEach(entry -> entries.put(key(entry), entry));
        }
        return entries;
    }

    private static boolean keyedArray(@Nullable JsonNode node) {
        if (node == null || !node.isArray()) {
            return false;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode entry : node) {
            String key = entry.isString() ? entry.asString() : entry.isObject() ? objectKey(entry) : null;
            if (key == null || !keys.add(key)) {
                return false;
            }
        }
        return true;
    }

    private static String key(JsonNode entry) {
        String key = entry.isString() ? entry.asString() : objectKey(entry);
        return key == null ? entry.toString() : key;
    }

    private static @Nullable String objectKey(JsonNode entry) {
        for (String name : KEYS) {
            if (entry.path(name).isString()) {
                return entry.get(name).asString();
            }
        }
        return null;
    }

    private static boolean isObject(@Nullable JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean same(@Nullable JsonNode a, @Nullable JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null ? null : node.isString() ? node.asString() : CanonicalJson.write(node);
    }
}
