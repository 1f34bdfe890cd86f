package org.kinship.templates.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kinship.forms.Lookup;
import org.kinship.forms.LookupSource;
import org.kinship.forms.internal.Json;

import tools.jackson.databind.JsonNode;

/** The shipped standard set read from the classpath, as the application reads it at first start. */
final class StandardSet {

    static final String ROOT = "templates/child-protection/";

    private StandardSet() {
    }

    static String text(String path) {
        try (InputStream in = StandardSet.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("not shipped: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        return Json.read(text(path)).orElseThrow();
    }

    static JsonNode manifest() {
        return json("package.json");
    }

    static List<String> paths(String kind) {
        List<String> paths = new ArrayList<>();
        manifest().get(kind).forEach(node -> paths.add(node.asString()));
        return paths;
    }

    /** formId to schema text. */
    static Map<String, String> forms() {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String path : paths("forms")) {
            forms.put(json(path).get("x-kinship").get("formId").asString(), text(path));
        }
        return forms;
    }

    static List<Lookup> lookups() {
        return paths("lookups").stream().map(path -> Json.MAPPER.readValue(text(path), Lookup.class)).toList();
    }

    static LookupSource lookupSource() {
        Map<String, Lookup> byId = new LinkedHashMap<>();
        lookups().forEach(lookup -> byId.put(lookup.id(), lookup));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
