/**
 * The append-only, hash-chained audit and access log. Every feature records what happened to child data and
 * to the set-up with {@link org.kinship.audit.AuditLog#record}; {@link org.kinship.audit.AuditVerifier} proves
 * that no entry was changed, removed or inserted afterwards (ADR 0004). Entries carry ids and field names,
 * never values of child data.
 */
@NullMarked
package org.kinship.audit;

import org.jspecify.annotations.NullMarked;
