package org.kinship.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical form of an audit entry and its SHA-256 (ADR 0004): a JSON object with the fields in a fixed
 * order, details sorted by key, the time as ISO-8601 UTC to the millisecond, nulls written as null. Changing
 * this form invalidates every existing chain: add a new {@code v} instead.
 */
public final class AuditHashing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditHashing() {
    }

    public static String canonical(long sequence, Instant at, @Nullable String actorId, String actorName,
            String action, @Nullable String resourceType, @Nullable String resourceId, AuditOutcome outcome,
            Map<String, String> details, String previousHash) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("v", 1);
        fields.put("sequence", sequence);
        fields.put("at", DateTimeFormatter.ISO_INSTANT.format(at));
        fields.put("actorId", actorId);
        fields.put("actorName", actorName);
        fields.put("action", action);
        fields.put("resourceType", resourceType);
        fields.put("resourceId", resourceId);
        fields.put("outcome", outcome.key());
        fields.put("details", new TreeMap<>(details));
        fields.put("previousHash", previousHash);
        return JSON.writeValueAsString(fields);
    }

    public static String hash(long sequence, Instant at, @Nullable String actorId, String actorName, String action,
            @Nullable String resourceType, @Nullable String resourceId, AuditOutcome outcome,
            Map<String, String> details, String previousHash) {
        return sha256(canonical(sequence, at, actorId, actorName, action, resourceType, resourceId, outcome, details,
                previousHash));
    }

    /** The hash the entry should have, from its content (whatever its stored {@code hash} says). */
    public static String expectedHash(AuditEntry entry) {
        return hash(entry.sequence(), entry.at(), entry.actorId(), entry.actorName(), entry.action(),
                entry.resourceType(), entry.resourceId(), entry.outcome(), entry.details(), entry.previousHash());
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
