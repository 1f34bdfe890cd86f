package org.kinship.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;

/**
 * The standard tracing request form, published as an administrator would, with its lookups under test ids
 * ({@code tracing_test_*}): the Spring context and its database are shared with other test classes, which
 * create their own {@code sex} and {@code locations}.
 */
public final class TracingFixtures {

    private TracingFixtures() {
    }

    public static void publishTracingRequestForm(FormDefinitionService forms, LookupService lookups) {
        if (forms.latestVersion("tracing_request").isPresent()) {
            return;
        }
        lookup(lookups, "tracing_test_sex", List.of(LookupValue.of("female", Map.of("en", "Female")),
                LookupValue.of("male", Map.of("en", "Male"))));
        lookup(lookups, "tracing_test_relationships", List.of(LookupValue.of("mother", Map.of("en", "Mother")),
                LookupValue.of("aunt_uncle", Map.of("en", "Aunt or uncle"))));
        lookup(lookups, "tracing_test_locations", List.of(LookupValue.of("td", Map.of("en", "Chad")),
                new LookupValue("td-ouaddai", Map.of("en", "Ouaddaï"), false, "td"),
                new LookupValue("td-adre", Map.of("en", "Adré"), false, "td-ouaddai"),
                new LookupValue("td-farchana", Map.of("en", "Farchana"), false, "td-ouaddai")));
        forms.create(read("/tracing/tracing_request.json"), "admin", Locale.ENGLISH);
        forms.publish("tracing_request", "admin", Locale.ENGLISH);
    }

    private static void lookup(LookupService lookups, String id, List<LookupValue> values) {
        if (lookups.findLookup(id).isEmpty()) {
            lookups.create(new Lookup(id, Map.of("en", id), values, 0), Locale.ENGLISH);
        }
    }

    private static String read(String resource) {
        try (InputStream in = TracingFixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
