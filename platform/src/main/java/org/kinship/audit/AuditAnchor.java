package org.kinship.audit;

/**
 * A head of the chain ({@code sequence}, {@code hash}) that an operator recorded outside the system. Verifying
 * against it also detects a removed tail or a chain rewritten from the start (ADR 0004).
 */
public record AuditAnchor(long sequence, String hash) {
}
