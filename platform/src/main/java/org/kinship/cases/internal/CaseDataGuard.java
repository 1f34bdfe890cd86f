package org.kinship.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.FieldProblem;
import org.kinship.i18n.Messages;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structural checks every piece of submitted data passes before anything else looks at it, whatever the
 * form says: no key that MongoDB would read as an operator or a path ({@code $...}, {@code a.b}), no empty
 * key, limited nesting, limited size.
 */
@Component
class CaseDataGuard {

    private static final int MAX_DEPTH = 8;

    private final Messages messages;
    private final CaseSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    CaseDataGuard(Messages messages, CaseSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    List<FieldProblem> check(Map<String, ?> data, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        walk(data, "", 1, problems, locale);
        return problems;
    }

    void requireWithinSize(Map<String, ?> data) {
        long size = json.writeValueAsBytes(data).length;
        if (size > settings.maxSectionSize().toBytes()) {
            throw new CaseRequestRefusedException(Reason.TOO_LARGE, "cases.data.tooLarge",
                    settings.maxSectionSize().toKilobytes());
        }
    }

    private void walk(Object value, String path, int depth, List<FieldProblem> problems, Locale locale) {
        if (depth > MAX_DEPTH) {
            problems.add(new FieldProblem(path, messages.get(locale, "cases.data.tooDeep", MAX_DEPTH)));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String name = String.valueOf(key);
                String childPath = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (name.isEmpty() || name.startsWith("$") || name.contains(".") || name.indexOf('\0') >= 0) {
                    problems.add(new FieldProblem(childPath, messages.get(locale, "cases.data.badKey", name)));
                } else if (child != null) {
                    walk(child, childPath, depth + 1, problems, locale);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    walk(list.get(i), path + "/" + i, depth + 1, problems, locale);
                }
            }
        }
    }
}
