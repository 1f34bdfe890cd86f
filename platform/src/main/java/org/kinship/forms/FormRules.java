package org.kinship.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The rules of one form, parsed once: which fields are visible and what the calculated fields are worth
 * for given data. The server applies them on every save and the UI calls the same methods while the user
 * types. Order: calculations, then visibility (hidden fields are removed), then calculations again so that
 * no calculation uses a value that will not be stored.
 */
public final class FormRules {

    private final FormSchema schema;
    private final Map<FormField, Expression> conditions = new HashMap<>();
    private final Map<FormField, Expression> calculations = new HashMap<>();

    /** Parses every rule of {@code schema}; a rule that does not parse throws {@link RuleSyntaxException}. */
    public FormRules(FormSchema schema) {
        this.schema = schema;
        for (FormField field : schema.allFields().values()) {
            if (field.visibleWhen() != null) {
                conditions.put(field, Rules.parse(field.visibleWhen()));
            }
            if (field.kind() == FieldKind.CALCULATED && field.calculate() != null) {
                calculations.put(field, Rules.parse(field.calculate()));
            }
        }
    }

    public FormSchema schema() {
        return schema;
    }

    public FormState apply(Map<String, ?> data, LocalDate today) {
        Map<String, Object> copy = deepCopy(data);
        schema.fields().stream().filter(f -> !f.kind().holdsData()).forEach(f -> copy.remove(f.name()));
        calculate(copy, today);
        Set<String> hidden = new LinkedHashSet<>();
        RuleScope scope = RuleScope.of(copy, today);
        for (FormField field : schema.fields()) {
            if (!isVisible(field, scope)) {
                hidden.add("/" + field.name());
            }
            if (field.kind() == FieldKind.REPEATING_GROUP && copy.get(field.name()) instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        for (FormField child : field.children()) {
                            if (!isVisible(child, scope.withItem(cast(item)))) {
                                hidden.add("/" + field.name() + "/" + i + "/" + child.name());
                            }
                        }
                    }
                }
            }
        }
        hidden.forEach(pointer -> remove(copy, pointer));
        calculate(copy, today);
        return new FormState(copy, Set.copyOf(hidden));
    }

    /** Whether {@code field} shows for this data; {@code scope.item()} is the group item for a group's field. */
    public boolean isVisible(FormField field, RuleScope scope) {
        Expression condition = conditions.get(field);
        return condition == null || condition.test(scope);
    }

    /** The value of a calculated field for this data, as stored: a whole number, a decimal, text or yes/no. */
    public @Nullable Object calculate(FormField field, RuleScope scope) {
        Expression calculation = calculations.get(field);
        return calculation == null ? null : storable(calculation.evaluate(scope));
    }

    /** Runs every calculation as often as there are calculations, so any (acyclic) order of dependencies settles. */
    private void calculate(Map<String, Object> data, LocalDate today) {
        RuleScope scope = RuleScope.of(data, today);
        for (int round = 0; round < Math.max(1, calculations.size()); round++) {
            for (FormField field : schema.fields()) {
                if (calculations.containsKey(field)) {
                    put(data, field.name(), calculate(field, scope));
                }
                if (field.kind() == FieldKind.REPEATING_GROUP && data.get(field.name()) instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> map) {
                            field.children().stream().filter(calculations::containsKey).forEach(child ->
                                    put(cast(map), child.name(), calculate(child, scope.withItem(cast(map)))));
                        }
                    }
                }
            }
        }
    }

    private static void put(Map<String, Object> data, String name, @Nullable Object value) {
        if (value == null) {
            data.remove(name);
        } else {
            data.put(name, value);
        }
    }

    private static @Nullable Object storable(@Nullable Object value) {
        if (value instanceof BigDecimal number) {
            BigDecimal plain = number.stripTrailingZeros();
            return plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? (Object) plain.longValueExact() : (Object) plain.doubleValue();
        }
        return value instanceof List<?> ? null : value;
    }

    private static void remove(Map<String, Object> data, String pointer) {
        String[] parts = pointer.substring(1).split("/");
        if (parts.length == 1) {
            data.remove(parts[0]);
        } else if (data.get(parts[0]) instanceof List<?> items && items.get(Integer.parseInt(parts[1])) instanceof Map<?, ?> item) {
            cast(item).remove(parts[2]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Copies maps and lists so that applying the rules never changes the caller's data. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, ?> data) {
        return (Map<String, Object>) copyValue(data);
    }

    private static @Nullable Object copyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }
}
