package org.kinship.ui.templates;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDiff;
import org.kinship.templates.ImportPlan;
import org.kinship.templates.LookupDiff;
import org.kinship.templates.MergeConflict;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PlannedChange;
import org.kinship.templates.Resolution;
import org.kinship.templates.TemplateService;
import org.kinship.templates.UnresolvedConflictsException;

/** What a package adds and changes, a choice per conflict (local or upstream), and Apply. */
class PackagePreviewDialog extends Dialog {

    private final TemplateService templates;
    private final String file;
    private final AuditActor actor;
    private final Runnable onApplied;
    private final Map<String, RadioButtonGroup<Resolution>> choices = new LinkedHashMap<>();
    private final Span error = new Span();
    private final ImportPlan plan;
    private @Nullable ImportPlan result;

    PackagePreviewDialog(TemplateService templates, String file, ImportPlan plan, AuditActor actor,
            Runnable onApplied) {
        this.templates = templates;
        this.file = file;
        this.actor = actor;
        this.onApplied = onApplied;
        this.plan = plan;
        setId("templates-preview");
        setWidth("min(60rem, 95vw)");
        setHeaderTitle(getTranslation("templates.preview.title", plan.manifest().id(), plan.manifest().version(),
                plan.manifest().publisher()));
        VerticalLayout content = new VerticalLayout(new Span(plan.installedVersion() == null
                ? getTranslation("templates.preview.firstInstall")
                : getTranslation("templates.preview.installed", plan.installedVersion())), changes(plan));
        if (!plan.conflicts().isEmpty()) {
            content.add(new H4(getTranslation("templates.conflicts")));
            plan.conflicts().forEach(conflict -> content.add(choice(conflict)));
        }
        error.setId("templates-apply-error");
        content.add(error);
        add(content);
        Button apply = new Button(getTranslation("templates.apply"), click -> apply());
        apply.setId("templates-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("templates.cancel"), click -> close()), apply);
    }

    private Grid<PlannedChange> changes(ImportPlan plan) {
        Grid<PlannedChange> grid = new Grid<>();
        grid.setId("templates-changes");
        grid.addColumn(PlannedChange::item).setHeader(getTranslation("templates.column.item")).setFlexGrow(2);
        grid.addColumn(change -> getTranslation("templates.change." + change.kind().name()))
                .setHeader(getTranslation("templates.column.change"));
        grid.addColumn(this::details).setHeader(getTranslation("templates.column.details"))
                .setFlexGrow(3);
        grid.setItems(plan.changes());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** For a form the fields added, removed and changed; for a lookup the values, with each relabel per language. */
    String details(PlannedChange change) {
        FormDiff diff = change.diff();
        if (diff != null) {
            return getTranslation("templates.diff", String.join(", ", diff.added()), String.join(", ", diff.removed()),
                    String.join(", ", diff.changed().stream().map(field -> field.field()).toList()));
        }
        LookupDiff values = change.lookupDiff();
        if (values != null) {
            return getTranslation("templates.lookupDiff", String.join(", ", values.added()),
                    String.join(", ", values.removed()), String.join(", ", values.retired()),
                    String.join(", ", values.relabelled().stream().map(relabel -> getTranslation(
                            "templates.lookupDiff.relabel", relabel.value(), relabel.language(),
                            shown(relabel.before()), shown(relabel.after()))).toList()));
        }
        return "";
    }

    /** The details shown for {@code item} ({@code lookup:sex}, {@code form:registration}). */
    String details(String item) {
        return plan.changes().stream().filter(change -> change.item().equals(item)).findFirst().map(this::details)
                .orElse("");
    }

    private RadioButtonGroup<Resolution> choice(MergeConflict conflict) {
        RadioButtonGroup<Resolution> group = new RadioButtonGroup<>(conflict.item() + " " + conflict.path());
        group.setItems(Resolution.LOCAL, Resolution.UPSTREAM);
        group.setItemLabelGenerator(resolution -> resolution == Resolution.LOCAL
                ? getTranslation("templates.conflict.local", shown(conflict.local()))
                : getTranslation("templates.conflict.upstream", shown(conflict.upstream())));
        choices.put(conflict.key(), group);
        return group;
    }

    private String shown(@Nullable String value) {
        return value == null ? getTranslation("templates.conflict.removed") : value;
    }

    void apply() {
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        choices.forEach((key, group) -> {
            if (group.getValue() != null) {
                resolutions.put(key, group.getValue());
            }
        });
        try {
            result = templates.apply(file, resolutions, actor, getLocale());
            Notification.show(getTranslation("templates.applied", result.manifest().id(), result.manifest().version()));
            close();
            onApplied.run();
        } catch (UnresolvedConflictsException e) {
            error.setText(getTranslation("templates.api.conflicts", e.unresolved().size()));
        } catch (PackageRefusedException e) {
            error.setText(getTranslation(e.reason().messageKey(), e.detail()));
        }
    }

    Map<String, RadioButtonGroup<Resolution>> choices() {
        return choices;
    }

    @Nullable ImportPlan result() {
        return result;
    }

    String errorText() {
        return error.getText();
    }
}
