package org.kinship.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(PasswordPolicy.problems("amina", "river-7-lantern-Kivu")).isEmpty();
    }

    @Test
    void refusesShortCommonAndUserNamePasswords() {
        assertThat(PasswordPolicy.problems("amina", "qwerty")).containsExactlyInAnyOrder("password.tooShort",
                "password.common");
        assertThat(PasswordPolicy.problems("amina", "Password123")).containsExactly("password.common");
        assertThat(PasswordPolicy.problems("amina.k", "AMINA.K-2026-long")).containsExactly("password.containsUsername");
    }
}
