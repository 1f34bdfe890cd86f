package org.kinship.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a form, by dotted field name ({@code siblings.age} for a field of a
 * repeating group): fields added, fields removed, and fields changed with the attributes that changed.
 */
public record FormDiff(List<String> added, List<String> removed, List<FieldChange> changed) {

    public FormDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static FormDiff between(FormSchema from, FormSchema to) {
        Map<String, FormField> before = from.allFields();
        Map<String, FormField> after = to.allFields();
        List<String> added = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
        List<String> removed = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
        List<FieldChange> changed = new ArrayList<>();
        before.forEach((name, old) -> {
            FormField now = after.get(name);
            if (now != null) {
                List<String> attributes = old.attributes().keySet().stream()
                        .filter(key -> !Objects.equals(old.attributes().get(key), now.attributes().get(key))).toList();
                if (!attributes.isEmpty()) {
                    changed.add(new FieldChange(name, attributes));
                }
            }
        });
        return new FormDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
