package org.kinship.ui.cases;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseSection;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.cases.ModuleSection;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.ValidatedData;
import org.kinship.ui.forms.FormRenderer;

/**
 * One section of a case file, shown with its generated form: read-only until "Edit" (when the user may edit
 * it), then saved with the case version it was read at. A save on an older version is refused by the service;
 * the {@link ConflictPanel} then shows what others changed and lets the worker re-apply their own changes on
 * the current version. Nothing the worker typed is lost on the way. Fields whose values are withheld from the
 * user (no {@code case:view_sensitive}) show a "hidden for your role" placeholder, cannot be edited and are
 * never sent back, so their stored values stay as they are.
 */
final class SectionPanel extends Composite<VerticalLayout> {

    private final CaseContext context;
    private final ModuleSection section;
    private final FormSchema schema;
    private final Button edit = new Button();
    private final Button save = new Button();
    private final Button cancel = new Button();
    private final VerticalLayout conflictArea = new VerticalLayout();
    private final AtomicLong baseVersion = new AtomicLong();
    private final Paragraph readOnlyHint = new Paragraph();
    private final CaseAttachments attachments;
    private @Nullable FormRenderer renderer;
    private Map<String, Object> original = Map.of();
    private SectionMode mode;
    private List<String> masked;
    private CaseFile file;
    private boolean editing;

    SectionPanel(CaseContext context, ModuleSection section, FormSchema schema, CaseFile file, SectionMode mode,
            List<String> masked) {
        this.context = context;
        this.masked = List.copyOf(masked);
        this.section = section;
        this.schema = schema;
        this.file = file;
        this.mode = mode;
        this.attachments = new CaseAttachments(context.attachments(), context.user(), file, this::uploaded);
        VerticalLayout layout = getContent();
        layout.setId("section-panel-" + section.id());
        layout.setPadding(false);
        edit.setText(getTranslation("cases.section.edit"));
        edit.setId("section-edit-" + section.id());
        edit.addClickListener(click -> startEditing());
        save.setText(getTranslation("cases.section.save"));
        save.setId("section-save-" + section.id());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        cancel.setText(getTranslation("cases.cancel"));
        cancel.setId("section-cancel-" + section.id());
        cancel.addClickListener(click -> stopEditing(this.file));
        conflictArea.setPadding(false);
        conflictArea.setId("section-conflict-" + section.id());
        readOnlyHint.setText(getTranslation("cases.view.readOnlyHint"));
        readOnlyHint.setId("section-read-only-" + section.id());
        layout.add(new HorizontalLayout(edit, save, cancel), conflictArea, readOnlyHint);
        buttons();
    }

    /** Builds the form the first time the section is shown (forms of unopened tabs are never built). */
    void render() {
        if (renderer == null) {
            renderer = context.renderers().render(schema, context.locale(), attachments);
            renderer.setId("section-form-" + section.id());
            renderer.setMasked(masked, getTranslation("cases.view.maskedValue"));
            getContent().addComponentAtIndex(1, renderer);
            stopEditing(file);
        }
    }

    /** Shows a newer version of the case, unless the worker is in the middle of an edit. */
    void show(CaseFile current, SectionMode currentMode, List<String> currentMasked) {
        this.mode = currentMode;
        if (!editing && !masked.equals(currentMasked)) {
            masked = List.copyOf(currentMasked);
            if (renderer != null) {
                renderer.setMasked(masked, getTranslation("cases.view.maskedValue"));
            }
        }
        attachments.showing(current);
        if (!editing) {
            stopEditing(current);
        }
    }

    private void stopEditing(CaseFile current) {
        file = current;
        editing = false;
        original = dataOf(current);
        baseVersion.set(current.version());
        conflictArea.removeAll();
        if (renderer != null) {
            renderer.setData(original);
            renderer.setReadOnly(true);
            renderer.showProblems(List.of());
        }
        buttons();
    }

    private void startEditing() {
        render();
        editing = true;
        Objects.requireNonNull(renderer).setReadOnly(false);
        buttons();
    }

    private void buttons() {
        edit.setVisible(!editing && mode == SectionMode.EDIT);
        save.setVisible(editing);
        cancel.setVisible(editing);
        readOnlyHint.setVisible(mode == SectionMode.READ_ONLY);
    }

    void save() {
        FormRenderer form = Objects.requireNonNull(renderer);
        context.message().clear();
        Map<String, Object> data = form.getData();
        Map<String, Object> changes = changes(original, data);
        if (changes.isEmpty()) {
            context.message().info(getTranslation("cases.section.unchanged"));
            stopEditing(file);
            return;
        }
        ValidatedData checked = context.forms().validateData(new FormVersionRef(section.formId(),
                section.formVersion()), data, original.isEmpty() ? null : original, context.locale());
        // only the fields being changed are judged here (others may be shown masked); the service judges all
        List<FormProblem> mine = checked.problems().stream().filter(problem -> concerns(problem, changes)).toList();
        if (!mine.isEmpty()) {
            problems(form, mine);
            return;
        }
        try {
            CaseFile stored = context.cases().editSection(context.user(), file.id(), baseVersion.get(), section.id(),
                    changes, context.locale());
            editing = false;
            context.message().info(getTranslation("cases.section.saved", stored.version()));
            context.changed().accept(stored);
        } catch (InvalidCaseDataException e) {
            problems(form, e.problems().stream().map(CaseRegistrationView::asFormProblem).toList());
        } catch (CaseVersionConflictException e) {
            conflictArea.removeAll();
            conflictArea.add(new ConflictPanel(context, file.id(), baseVersion.get(), e, this::reapply,
                    this::discard));
        } catch (CaseRequestRefusedException e) {
            context.message().refused(e);
        }
    }

    private static boolean concerns(FormProblem problem, Map<String, Object> changes) {
        String path = problem.path().startsWith("/") ? problem.path().substring(1) : problem.path();
        return path.isEmpty() || changes.containsKey(path.split("/", 2)[0]);
    }

    private void problems(FormRenderer form, List<FormProblem> problems) {
        form.showProblems(problems);
        context.message().error(getTranslation("cases.invalidData"));
    }

    /** Keeps the worker's changes on top of the case as it is now; they check it and save again. */
    private void reapply(CaseFile current) {
        FormRenderer form = Objects.requireNonNull(renderer);
        Map<String, Object> mine = changes(original, form.getData());
        file = current;
        original = dataOf(current);
        baseVersion.set(current.version());
        Map<String, Object> merged = new HashMap<>(original);
        mine.forEach((field, value) -> {
            if (value == null) {
                merged.remove(field);
            } else {
                merged.put(field, value);
            }
        });
        form.setData(merged);
        conflictArea.removeAll();
        context.message().info(getTranslation("cases.conflict.reapplied", current.version()));
        context.changed().accept(current);
    }

    private void discard(CaseFile current) {
        editing = false;
        context.changed().accept(current);
        stopEditing(current);
    }

    /** An upload of this form moved the case one version on: the edit continues on that version. */
    private void uploaded(CaseAttachment attachment) {
        long before = baseVersion.get();
        CaseFile current = context.cases().get(context.user(), file.id());
        if (current.version() == before + 1) {
            baseVersion.compareAndSet(before, current.version());
        }
        attachments.showing(current);
    }

    private Map<String, Object> dataOf(CaseFile current) {
        return current.section(section.id()).map(CaseSection::data).orElse(Map.of());
    }

    /** The fields whose values differ; a field left empty is sent as {@code null}, which clears it. */
    static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        Map<String, Object> changes = new LinkedHashMap<>();
        names.stream().sorted().filter(name -> !Objects.equals(normal(before.get(name)), normal(after.get(name))))
                .forEach(name -> changes.put(name, after.get(name)));
        return changes;
    }

    private static @Nullable Object normal(@Nullable Object value) {
        return value instanceof Number number && !(value instanceof java.math.BigDecimal)
                ? (Object) number.longValue() : value;
    }

    @Nullable FormRenderer renderer() {
        return renderer;
    }

    /** Whether the section offers "Edit" now (the user may edit it and is not editing already). */
    boolean offersEdit() {
        return edit.isVisible();
    }

    /** The fields shown masked. */
    List<String> masked() {
        return masked;
    }

    boolean editing() {
        return editing;
    }

    void edit() {
        startEditing();
    }
}
