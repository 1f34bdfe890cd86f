/**
 * Users, agencies, roles and sign-in. Passwords are hashed (bcrypt), sign-ins are throttled per client
 * address and an account locks for a while after repeated failures; an optional TOTP second factor
 * ({@link org.kinship.security.TotpService}). Sign-in outcomes are published as
 * {@link org.kinship.security.LoginSucceeded} / {@link org.kinship.security.LoginFailed} events. Optional OpenID
 * Connect sign-in of the UI ({@link org.kinship.security.OidcLogin}, ADR 0018) maps a provider identity to an
 * existing account.
 * <p>
 * Need to know (ADR 0005): {@link org.kinship.security.PermissionService} answers what a user may do from roles
 * kept as data; repositories of child data apply {@link org.kinship.security.RecordScope#toMongoFilter}.
 * Refusals and administrative changes are published as {@link org.kinship.security.AccessDenied} /
 * {@link org.kinship.security.SecurityChanged} for the audit log. Sensitive fields are encrypted with
 * {@link org.kinship.security.FieldEncryptor}.
 */
@NullMarked
package org.kinship.security;

import org.jspecify.annotations.NullMarked;
