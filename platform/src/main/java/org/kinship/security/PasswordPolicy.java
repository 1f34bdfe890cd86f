package org.kinship.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, not one of the commonly used passwords,
 * and not built from the user name. Problems are message keys so that they can be shown in the user's language.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {
    }

    /** Every rule the password breaks, as message keys; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("password.tooShort");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            problems.add("password.common");
        }
        String name = UserAccount.normalize(username);
        if (!name.isEmpty() && lower.contains(name)) {
            problems.add("password.containsUsername");
        }
        return problems;
    }

    private static Set<String> loadCommonPasswords() {
        InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the platform jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
