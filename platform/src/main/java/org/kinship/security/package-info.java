/**
 * Users, agencies, roles and sign-in. Passwords are hashed (bcrypt), sign-ins are throttled per client
 * address and an account locks for a while after repeated failures. Sign-in outcomes are published as
 * {@link org.kinship.security.LoginSucceeded} / {@link org.kinship.security.LoginFailed} events.
 */
@NullMarked
package org.kinship.security;

import org.jspecify.annotations.NullMarked;
