package org.kinship.ui.admin;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import org.kinship.security.PasswordPolicy;
import org.kinship.security.PermissionDeniedException;
import org.kinship.shared.StaleVersionException;

/**
 * Turns what a service refused into a sentence in the user's language. The services decide; this only
 * translates their reasons ({@code own_account}, {@code other_agency}...) so the screens never re-implement a
 * rule.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The translated reason of a refusal, or the service's own message for invalid input; anything else is rethrown. */
    public static String message(Component component, RuntimeException refusal) {
        if (refusal instanceof PermissionDeniedException denied) {
            return component.getTranslation("admin.denied." + denied.reason());
        }
        if (refusal instanceof StaleVersionException) {
            return component.getTranslation("admin.stale");
        }
        if (refusal instanceof IllegalArgumentException) {
            return component.getTranslation("admin.invalid", refusal.getMessage());
        }
        throw refusal;
    }

    /** The password policy's problems with a candidate password, translated; empty when acceptable. */
    public static List<String> passwordProblems(Component component, String username, String password) {
        return PasswordPolicy.problems(username, password).stream().map(component::getTranslation).toList();
    }

    /** The problems as one line. */
    public static String joined(List<String> problems) {
        return problems.stream().collect(Collectors.joining(" "));
    }
}
