package org.kinship.security;

/**
 * A started enrolment: the secret to type in (base32) or the {@code otpauth://} URI to show as a QR code. It
 * becomes active once a code from the app is confirmed.
 */
public record TotpEnrolment(String secret, String uri) {
}
