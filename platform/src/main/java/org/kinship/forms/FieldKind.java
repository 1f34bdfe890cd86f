package org.kinship.forms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a field is, for the renderer and for the kinship rules; written as {@code x-kinship.kind} in
 * snake case. Each kind allows certain JSON Schema {@code type}s for its data.
 */
public enum FieldKind {
    SHORT_TEXT(Set.of("string")),
    LONG_TEXT(Set.of("string")),
    INTEGER(Set.of("integer")),
    DECIMAL(Set.of("number", "integer")),
    DATE(Set.of("string")),
    DATE_TIME(Set.of("string")),
    YES_NO(Set.of("boolean")),
    SINGLE_CHOICE(Set.of("string")),
    MULTIPLE_CHOICE(Set.of("array")),
    TALLY(Set.of("object")),
    LOCATION(Set.of("string")),
    REPEATING_GROUP(Set.of("array")),
    PHOTO(Set.of("string")),
    AUDIO(Set.of("string")),
    DOCUMENT(Set.of("string")),
    SIGNATURE(Set.of("string")),
    CALCULATED(Set.of("string", "number", "integer", "boolean")),
    HEADING(Set.of());

    private final Set<String> jsonTypes;

    FieldKind(Set<String> jsonTypes) {
        this.jsonTypes = jsonTypes;
    }

    /** The name used in {@code x-kinship.kind}, e.g. {@code single_choice}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** JSON Schema types a field of this kind may declare; empty for a heading, which holds no data. */
    public Set<String> jsonTypes() {
        return jsonTypes;
    }

    public boolean holdsData() {
        return this != HEADING;
    }

    public boolean isAttachment() {
        return this == PHOTO || this == AUDIO || this == DOCUMENT || this == SIGNATURE;
    }

    public boolean usesOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == TALLY;
    }

    public static Optional<FieldKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
