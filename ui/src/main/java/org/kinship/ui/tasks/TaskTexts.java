package org.kinship.ui.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.notifications.NotificationNotFoundException;
import org.kinship.security.PermissionDeniedException;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskNotFoundException;
import org.kinship.workflow.WorkflowRequestRefusedException;

/**
 * What the task screens say about a task, the same way everywhere, in the user's language: the step (the module's
 * section label, "Approval: ..." for a supervisor's decision), the due date relative and absolute, the risk level
 * as a badge, and the services' refusals. The services decide; this only translates.
 */
public final class TaskTexts {

    /** The risk levels lookup the cases feature indexes. */
    public static final String RISK_LOOKUP = "risk_levels";

    /** {@code Component::getTranslation}. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... args);
    }

    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final Translator text;
    private final Locale locale;
    private final Clock clock;
    private final DateTimeFormatter dateTime;
    private final Map<String, String> sectionLabels = new HashMap<>();

    public TaskTexts(RecordModuleService modules, FormDefinitionService forms, LookupService lookups, Translator text,
            Locale locale, Clock clock) {
        this.modules = modules;
        this.forms = forms;
        this.lookups = lookups;
        this.text = text;
        this.locale = locale;
        this.clock = clock;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }

    /** The step a task asks for, e.g. "Initial assessment" or "Approval: Case plan". */
    public String step(InboxTask task) {
        String formKey = task.formKey();
        if (formKey != null && formKey.startsWith("record:")) {
            String kind = formKey.substring("record:".length());
            String key = "tasks.step.record." + kind;
            String translated = text.translate(key);
            return translated.equals(key) || translated.startsWith("!") ? Optional.ofNullable(task.name())
                    .orElse(kind) : translated;
        }
        String section = task.section();
        String label = section == null ? Optional.ofNullable(task.name()).orElse(task.taskDefinitionKey())
                : sectionLabel(section);
        return task.approval() ? text.translate("tasks.step.approval", label) : label;
    }

    /** The section's label in the user's language, else in English, else its form's title, else its id. */
    public String sectionLabel(String sectionId) {
        return sectionLabels.computeIfAbsent(sectionId, id -> modules.list().stream()
                .filter(module -> "case".equals(module.recordType())).map(module -> module.section(id))
                .flatMap(Optional::stream).findFirst().map(this::label).orElse(id));
    }

    private String label(ModuleSection section) {
        String language = locale.getLanguage();
        return Optional.ofNullable(section.label().get(language)).or(() -> Optional.ofNullable(section.label()
                .get("en"))).or(() -> forms.latestVersion(section.formId()).map(v -> v.schema().title())
                        .filter(title -> !title.isBlank())).orElse(section.id());
    }

    /** "in 5 h (21 Nov 2026, 14:00)", or "No due date". */
    public String due(@Nullable Instant due) {
        if (due == null) {
            return text.translate("tasks.due.none");
        }
        return text.translate("tasks.due.both", relative(due), dateTime.format(due));
    }

    /** How far the due date lies ahead or behind now, in hours under two days, else in days. */
    public String relative(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        boolean ahead = !left.isNegative();
        Duration size = left.abs();
        if (size.toHours() < 48) {
            long hours = Math.max(1, size.toHours() + (size.toMinutesPart() >= 30 ? 1 : 0));
            return text.translate(ahead ? "tasks.due.inHours" : "tasks.due.hoursAgo", hours);
        }
        long days = size.toDays() + (size.toHoursPart() >= 12 ? 1 : 0);
        return text.translate(ahead ? "tasks.due.inDays" : "tasks.due.daysAgo", days);
    }

    public String dateTime(Instant at) {
        return dateTime.format(at);
    }

    /** Overdue: the timer fired, or the due date has passed. */
    public boolean overdue(InboxTask task) {
        return task.overdue() || (task.due() != null && task.due().isBefore(clock.instant()));
    }

    /** A risk level's label from the {@value #RISK_LOOKUP} lookup, or the application's own word for none. */
    public String risk(@Nullable String code) {
        if (code == null || code.isBlank() || "none".equals(code)) {
            return text.translate("cases.risk.none");
        }
        return lookups.findLookup(RISK_LOOKUP).flatMap(lookup -> lookup.value(code)).map(this::label).orElse(code);
    }

    /** The risk level codes of the lookup (active ones), in its order. */
    public List<String> riskLevels() {
        return lookups.findLookup(RISK_LOOKUP).map(lookup -> lookup.activeValues().stream().map(LookupValue::value)
                .toList()).orElse(List.of());
    }

    private String label(LookupValue value) {
        return value.label().getOrDefault(locale.getLanguage(), value.label().getOrDefault("en", value.value()));
    }

    /** A coloured badge with the risk level's label (the colour is a hint; the text says the level). */
    public Span riskBadge(@Nullable String code) {
        Span badge = new Span(risk(code));
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(switch (code == null ? "" : code) {
            case "high", "critical" -> "error";
            case "medium" -> "warning";
            case "low" -> "success";
            default -> "contrast";
        });
        badge.getElement().setAttribute("data-risk", code == null ? "none" : code);
        return badge;
    }

    /** The overdue badge, or an empty span. */
    public Span overdueBadge(InboxTask task) {
        Span badge = new Span();
        if (overdue(task)) {
            badge.setText(text.translate("tasks.overdue"));
            badge.getElement().getThemeList().add("badge");
            badge.getElement().getThemeList().add("error");
            badge.getElement().getThemeList().add("primary");
            badge.addClassName("kinship-overdue");
        }
        return badge;
    }

    /** The translated reason a service refused a request; anything unexpected is rethrown. */
    public String refusal(RuntimeException refusal) {
        return refusal(text, refusal);
    }

    public static String refusal(Translator text, RuntimeException refusal) {
        if (refusal instanceof WorkflowRequestRefusedException refused) {
            String message = text.translate(refused.messageKey(), refused.args());
            if (refused.errors().isEmpty()) {
                return message;
            }
            return message + ": " + refused.errors().stream().map(e -> e.getOrDefault("message", ""))
                    .collect(Collectors.joining("; "));
        }
        if (refusal instanceof TaskNotFoundException) {
            return text.translate("tasks.notFound");
        }
        if (refusal instanceof NotificationNotFoundException) {
            return text.translate("notifications.notFound");
        }
        if (refusal instanceof PermissionDeniedException) {
            return text.translate("admin.denied.missing_permission");
        }
        throw refusal;
    }

    /** The first module of case files (for the section ids a process may name). */
    public Optional<RecordModule> caseModule() {
        return modules.list().stream().filter(module -> "case".equals(module.recordType())).findFirst();
    }
}
