package org.kinship.forms.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The one place networknt is used: the draft 2020-12 meta-schema check of definitions and the validation
 * of data against a published definition. Compiled schemas are cached by their text (versions are
 * immutable, so the text identifies them).
 */
final class SchemaEngine {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));
    private static final int CACHE_SIZE = 64;
    private static final Map<String, Schema> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private SchemaEngine() {
    }

    /** Problems of {@code definition} as a 2020-12 schema, with networknt's message in {@code locale}. */
    static List<Error> checkAgainstMetaSchema(JsonNode definition, Locale locale) {
        return META_SCHEMA.validate(definition, context -> context.executionConfig(c -> c.locale(locale)));
    }

    static List<Error> validate(String schemaJson, JsonNode data, Locale locale) {
        Schema schema = CACHE.computeIfAbsent(schemaJson,
                json -> REGISTRY.getSchema(Json.read(json).orElseThrow()));
        return schema.validate(data, context -> context.executionConfig(c -> c.locale(locale)));
    }

    /** networknt's instance location as a JSON Pointer ({@code ""} for the document itself). */
    static String pointer(Error error) {
        String location = error.getInstanceLocation().toString();
        if (location.startsWith("$")) {
            location = location.substring(1).replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
        }
        return location;
    }
}
