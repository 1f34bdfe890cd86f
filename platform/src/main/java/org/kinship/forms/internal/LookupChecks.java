package org.kinship.forms.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;
import tools.jackson.core.JacksonException;

/** Reads and checks lookups: an id like a form id, unique non-blank codes, English labels, known parents. */
public final class LookupChecks {

    private static final String ID_PATTERN = "[a-z][a-z0-9_-]{0,63}";

    private LookupChecks() {
    }

    /** The lookup in {@code json}, or empty (with a problem) when it is not a readable lookup. */
    public static Optional<Lookup> read(String json, Problems problems) {
        try {
            Lookup lookup = Json.MAPPER.readValue(json, Lookup.class);
            if (lookup != null) {
                return Optional.of(lookup);
            }
        } catch (JacksonException | NullPointerException e) {
            // falls through to the problem below: a missing name or values list is as unreadable as bad JSON
        }
        problems.error("", "forms.lookup.notJson");
        return Optional.empty();
    }

    public static Problems check(Lookup lookup) {
        Problems problems = new Problems();
        if (lookup.id() == null || !lookup.id().matches(ID_PATTERN)) {
            problems.error("/id", "forms.lookup.idInvalid");
        }
        LabelCheck.check(Json.toTree(lookup.name()), "/name", problems, true);
        Set<String> codes = new HashSet<>();
        List<LookupValue> values = lookup.values();
        values.forEach(v -> codes.add(v.value()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            LookupValue value = values.get(i);
            String pointer = "/values/" + i;
            if (value.value() == null || value.value().isBlank()) {
                problems.error(pointer + "/value", "forms.lookup.valueMissing");
            } else if (!seen.add(value.value())) {
                problems.error(pointer + "/value", "forms.lookup.duplicateValue", value.value());
            }
            LabelCheck.check(Json.toTree(value.label()), pointer + "/label", problems, true);
            if (value.parent() != null && !codes.contains(value.parent())) {
                problems.error(pointer + "/parent", "forms.lookup.unknownParent", value.parent());
            }
        }
        return problems;
    }
}
