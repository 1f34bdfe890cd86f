package org.kinship.tracing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kinship.tracing.FamilyMember;

/**
 * Where a record names a relative, parsed from one entry of {@code kinship.tracing.case-family-members} or
 * {@code request-family-members}:
 * <ul>
 * <li>{@code father_name=father}: the field holds the father's name;</li>
 * <li>{@code caregiver_name=@caregiver_relationship}: the relationship is in another field of the record;</li>
 * <li>{@code family_members/name=@relationship}: every item of the repeating group {@code family_members}, its
 * {@code name} and its own {@code relationship};</li>
 * <li>{@code inquirer_name}: a relative whose relationship is not said.</li>
 * </ul>
 *
 * @param group        the repeating group, or {@code null} for a field of the record itself
 * @param field        the field with the name (in each item of the group when there is one)
 * @param relationship the relationship, or the field that holds it when {@code fromField}; empty when not said
 * @param fromField    whether {@code relationship} names a field
 */
record RelativeField(@Nullable String group, String field, String relationship, boolean fromField) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Parses one entry; a malformed one is refused with a message that quotes it. */
    static RelativeField parse(String spec) {
        String text = spec.strip();
        int equals = text.indexOf('=');
        String path = equals < 0 ? text : text.substring(0, equals).strip();
        String relationship = equals < 0 ? "" : text.substring(equals + 1).strip();
        boolean fromField = relationship.startsWith("@");
        if (fromField) {
            relationship = relationship.substring(1).strip();
        }
        String[] parts = path.split("/", -1);
        boolean valid = parts.length <= 2 && Arrays.stream(parts).allMatch(p -> NAME.matcher(p).matches())
                && (relationship.isEmpty() ? equals < 0 : NAME.matcher(relationship).matches());
        if (!valid) {
            throw new IllegalArgumentException("Family member field '" + spec + "' is not 'field', 'field=relationship', "
                    + "'field=@relationship_field' or 'group/field=@relationship_field'");
        }
        return parts.length == 2 ? new RelativeField(parts[0], parts[1], relationship, fromField)
                : new RelativeField(null, parts[0], relationship, fromField);
    }

    /** The relatives this entry finds in a record (or a sought child), in order; blank names are skipped. */
    List<FamilyMember> read(Function<String, @Nullable Object> value) {
        List<FamilyMember> members = new ArrayList<>();
        if (group == null) {
            add(value, members);
        } else if (value.apply(group) instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    add(map::get, members);
                }
            }
        }
        return members;
    }

    private void add(Function<String, @Nullable Object> value, List<FamilyMember> members) {
        String said = !fromField ? relationship
                : value.apply(relationship) instanceof String text ? text.strip() : "";
        ProfileBuilder.texts(value, List.of(field)).forEach(name -> members.add(new FamilyMember(name, said)));
    }
}
