package org.kinship.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.springframework.context.ApplicationContext;

/**
 * Publishes the small form set case tests run against ({@code src/test/resources/case-forms}): forms with the ids
 * and field names of the standard child protection forms that the default module uses (registration,
 * initial_assessment, case_plan), and the lookups they need. Platform tests do not have {@code form-templates} on
 * the classpath; this set keeps every case test on real form validation. Publishing twice does nothing.
 */
public final class CaseForms {

    public static final List<String> LOOKUPS = List.of("sex", "risk_levels", "secret_levels");
    public static final List<String> FORMS = List.of("registration", "initial_assessment", "case_plan");
    private static final String USER = "case-tests";

    private CaseForms() {
    }

    public static void publish(ApplicationContext context) {
        publish(context.getBean(FormDefinitionService.class), context.getBean(LookupService.class));
    }

    public static synchronized void publish(FormDefinitionService forms, LookupService lookups) {
        for (String lookup : LOOKUPS) {
            if (lookups.findLookup(lookup).isEmpty()) {
                lookups.importLookup(read("lookup-" + lookup + ".json"), Locale.ENGLISH);
            }
        }
        for (String form : FORMS) {
            if (forms.latestVersion(form).isEmpty()) {
                forms.importDefinition(read(form + ".json"), USER, Locale.ENGLISH);
                forms.publish(form, USER, Locale.ENGLISH);
            }
        }
    }

    /** The text of a file of the test form set. */
    public static String read(String file) {
        try (InputStream in = CaseForms.class.getResourceAsStream("/case-forms/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No test form file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
