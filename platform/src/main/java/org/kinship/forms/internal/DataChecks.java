package org.kinship.forms.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FieldKind;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormState;
import org.kinship.forms.LookupSource;

/** Checks data that the rules already prepared: networknt against the schema, then the kinship rules. */
public final class DataChecks {

    private DataChecks() {
    }

    public static Problems check(FormSchema schema, FormState state, @Nullable Map<String, ?> previous,
            LookupSource lookups, Instant now, LocalDate today, Locale locale) {
        Problems problems = new Problems();
        Map<String, Object> data = state.data();
        fillTallyTotals(schema, data);
        SchemaErrors.check(schema, Json.toTree(data), state.hidden(), locale, problems);
        KindChecks kinds = new KindChecks(lookups, new PreviousValues(previous), now, today, locale, problems);
        data.keySet().stream().filter(name -> schema.field(name).isEmpty())
                .forEach(name -> problems.error(Json.pointer("", name), "forms.data.unknownField", name));
        for (FormField field : schema.fields()) {
            String pointer = Json.pointer("", field.name());
            Object value = data.get(field.name());
            kinds.check(field, field.name(), pointer, value);
            if (field.kind() == FieldKind.REPEATING_GROUP && value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        checkItem(field, item, pointer + "/" + i, kinds, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void checkItem(FormField group, Map<?, ?> item, String pointer, KindChecks kinds, Problems problems) {
        item.keySet().stream().map(String::valueOf).filter(name -> group.child(name).isEmpty())
                .forEach(name -> problems.error(Json.pointer(pointer, name), "forms.data.unknownField", name));
        for (FormField child : group.children()) {
            kinds.check(child, group.name() + "." + child.name(), Json.pointer(pointer, child.name()), item.get(child.name()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void fillTallyTotals(FormSchema schema, Map<String, Object> data) {
        for (FormField field : schema.fields()) {
            if (field.kind() == FieldKind.TALLY && data.get(field.name()) instanceof Map<?, ?> counts
                    && !counts.containsKey("total") && counts.values().stream().allMatch(DataChecks::isCount)) {
                long total = counts.values().stream().mapToLong(n -> ((Number) n).longValue()).sum();
                ((Map<String, Object>) counts).put("total", total);
            }
        }
    }

    private static boolean isCount(Object value) {
        return value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() % 1 == 0;
    }
}
