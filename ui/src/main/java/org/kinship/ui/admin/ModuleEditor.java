package org.kinship.ui.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormField;
import org.kinship.forms.FormSummary;
import org.kinship.forms.FormVersion;
import org.kinship.security.KinshipUser;
import org.kinship.security.Role;
import org.kinship.shared.StaleVersionException;

/**
 * Edits one record module: its sections (published forms in order, each with a label, the form version it follows
 * and what each role may do with it), the registration section, the case number pattern (with the next number
 * previewed as it is typed), the fields the case list indexes and the workflow a registration starts. The service
 * decides; its refusals are shown next to the field they are about. When someone else saved the module meanwhile,
 * nothing is lost: the editor keeps the changes and offers to save them over the other change or to load it.
 */
class ModuleEditor extends AdminDialog {

    /** One section row as edited; {@code stored} when the module already had it (its id is then fixed). */
    static final class SectionRow {
        String id;
        final String formId;
        int formVersion;
        final Map<String, String> labels;
        final Map<String, SectionAccess> access;
        final boolean stored;

        SectionRow(String id, String formId, int formVersion, Map<String, String> labels,
                Map<String, SectionAccess> access, boolean stored) {
            this.id = id;
            this.formId = formId;
            this.formVersion = formVersion;
            this.labels = new LinkedHashMap<>(labels);
            this.access = new LinkedHashMap<>(access);
            this.stored = stored;
        }
    }

    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final List<Role> roles;
    private final KinshipUser actor;
    private final Runnable saved;
    private final List<String> deployed;
    private @Nullable RecordModule module;
    final List<SectionRow> rows = new ArrayList<>();

    final TextField id = new TextField();
    final TextField name = new TextField();
    final TextField pattern = new TextField();
    final Select<String> registration = new Select<>();
    final ComboBox<String> workflow = new ComboBox<>();
    final TextField names = new TextField();
    final ComboBox<String> sex = fieldBox("sex");
    final ComboBox<String> age = fieldBox("age");
    final ComboBox<String> estimatedAge = fieldBox("estimatedAge");
    final ComboBox<String> dateOfBirth = fieldBox("dateOfBirth");
    final ComboBox<String> location = fieldBox("location");
    final ComboBox<String> riskLevel = fieldBox("riskLevel");
    final Grid<SectionRow> sections = new Grid<>();
    final Select<String> formToAdd = new Select<>();
    final Span sectionsError = new Span();
    final Div conflict = new Div();

    ModuleEditor(RecordModuleService modules, FormDefinitionService forms, List<Role> roles, List<String> workflows,
            KinshipUser actor, @Nullable RecordModule module, Runnable saved) {
        super("module", saved);
        this.modules = modules;
        this.forms = forms;
        this.roles = List.copyOf(roles);
        this.actor = actor;
        this.saved = saved;
        this.deployed = List.copyOf(workflows);
        this.module = module;
        setId("module-editor");
        setWidth("95vw");
        setHeaderTitle(module == null ? getTranslation("admin.module.new")
                : getTranslation("admin.module.editing", inLanguage(module.name(), getLocale(), module.id())));

        id.setId("module-id");
        id.setLabel(getTranslation("admin.module.id"));
        id.setHelperText(getTranslation("admin.module.idHelp"));
        name.setId("module-name");
        name.setLabel(getTranslation("admin.module.name"));
        pattern.setId("module-pattern");
        pattern.setLabel(getTranslation("admin.module.pattern"));
        pattern.setValueChangeMode(ValueChangeMode.LAZY);
        pattern.addValueChangeListener(change -> preview());
        id.addValueChangeListener(change -> preview());
        registration.setId("module-registration");
        registration.setLabel(getTranslation("admin.module.registration"));
        registration.setItemLabelGenerator(this::sectionLabel);
        workflow.setId("module-workflow");
        workflow.setLabel(getTranslation("admin.module.workflow"));
        workflow.setHelperText(getTranslation("admin.module.workflowHelp"));
        workflow.setAllowCustomValue(true);
        workflow.addCustomValueSetListener(event -> choose(workflow, deployed, event.getDetail().strip()));
        workflow.setClearButtonVisible(true);
        names.setId("module-names");
        names.setLabel(getTranslation("admin.module.field.names"));
        names.setHelperText(getTranslation("admin.module.field.namesHelp"));

        FormLayout general = new FormLayout(id, name, pattern, registration, workflow);
        FormLayout indexed = new FormLayout(names, sex, age, estimatedAge, dateOfBirth, location, riskLevel);
        sectionsError.setId("module-sections-error");
        sectionsError.addClassName("kinship-error");
        conflict.setId("module-conflict");
        conflict.setVisible(false);
        add(conflict, general, new H3(getTranslation("admin.module.sections")), sectionsGrid(), adder(), sectionsError,
                new H3(getTranslation("admin.module.indexed")), indexed);
        addErrorLine();
        load(module);
    }

    /** Fills the editor from the module as stored ({@code null}: an empty new module). */
    private void load(@Nullable RecordModule stored) {
        module = stored;
        rows.clear();
        id.setValue(stored == null ? "" : stored.id());
        id.setReadOnly(stored != null);
        name.setValue(stored == null ? "" : stored.name().getOrDefault(getLocale().getLanguage(),
                stored.name().getOrDefault("en", "")));
        pattern.setValue(stored == null ? "{agency}-{year}-{seq:5}" : stored.numberPattern());
        if (stored != null) {
            stored.sections().forEach(s -> rows.add(new SectionRow(s.id(), s.formId(), s.formVersion(), s.label(),
                    s.roleAccess(), true)));
        }
        IndexedFields fields = stored == null ? IndexedFields.standard() : stored.indexedFields();
        names.setValue(String.join(", ", fields.names()));
        List<String> choices = fieldChoices();
        choose(sex, choices, fields.sex());
        choose(age, choices, fields.age());
        choose(estimatedAge, choices, fields.estimatedAge());
        choose(dateOfBirth, choices, fields.dateOfBirth());
        choose(location, choices, fields.location());
        choose(riskLevel, choices, fields.riskLevel());
        choose(workflow, deployed, stored == null ? null : stored.workflow());
        sectionsChanged();
        registration.setValue(stored == null ? null : stored.registrationSection());
        conflict.removeAll();
        conflict.setVisible(false);
        preview();
    }

    // ---- sections ----

    private Grid<SectionRow> sectionsGrid() {
        sections.setId("module-sections");
        sections.addComponentColumn(this::moveButtons).setHeader(getTranslation("admin.module.order"))
                .setAutoWidth(true).setFlexGrow(0);
        sections.addComponentColumn(this::idCell).setHeader(getTranslation("admin.module.sectionId")).setAutoWidth(true);
        sections.addComponentColumn(this::labelCell).setHeader(getTranslation("admin.module.sectionLabel"))
                .setAutoWidth(true);
        sections.addComponentColumn(this::versionCell).setHeader(getTranslation("admin.module.form")).setAutoWidth(true);
        for (Role role : roles) {
            sections.addComponentColumn(row -> accessCell(row, role.name())).setHeader(roleLabel(role))
                    .setAutoWidth(true);
        }
        sections.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        sections.setAllRowsVisible(true);
        return sections;
    }

    private Component moveButtons(SectionRow row) {
        int index = rows.indexOf(row);
        Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(row, -1));
        up.setId("section-up-" + row.id);
        up.setEnabled(index > 0);
        up.setAriaLabel(getTranslation("admin.module.up"));
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(row, 1));
        down.setId("section-down-" + row.id);
        down.setEnabled(index < rows.size() - 1);
        down.setAriaLabel(getTranslation("admin.module.down"));
        for (Button button : List.of(up, down)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(up, down);
    }

    private Component idCell(SectionRow row) {
        if (row.stored) {
            return new Span(row.id);
        }
        TextField field = new TextField();
        field.setId("section-id-" + rows.indexOf(row));
        field.setValue(row.id);
        field.setAriaLabel(getTranslation("admin.module.sectionId"));
        field.addValueChangeListener(change -> {
            String previous = registration.getValue();
            boolean wasRegistration = row.id.equals(previous);
            row.id = change.getValue().strip();
            refreshRegistration(wasRegistration ? row.id : previous);
        });
        return field;
    }

    private Component labelCell(SectionRow row) {
        TextField field = new TextField();
        field.setId("section-label-" + row.id);
        field.setAriaLabel(getTranslation("admin.module.sectionLabel"));
        field.setValue(inLanguage(row.labels, getLocale(), ""));
        field.addValueChangeListener(change -> {
            if (change.getValue().isBlank()) {
                row.labels.remove(getLocale().getLanguage());
            } else {
                row.labels.put(getLocale().getLanguage(), change.getValue().strip());
            }
            refreshRegistration(registration.getValue());
        });
        return field;
    }

    private Component versionCell(SectionRow row) {
        Select<Integer> version = new Select<>();
        version.setId("section-version-" + row.id);
        version.setAriaLabel(getTranslation("admin.module.form"));
        List<Integer> versions = new ArrayList<>(List.of(ModuleSection.LATEST));
        forms.versions(row.formId).stream().map(FormVersion::version).sorted(java.util.Comparator.reverseOrder())
                .forEach(versions::add);
        if (!versions.contains(row.formVersion)) {
            versions.add(row.formVersion);
        }
        version.setItems(versions);
        version.setItemLabelGenerator(v -> v == ModuleSection.LATEST
                ? getTranslation("admin.module.latest", formTitle(row.formId))
                : getTranslation("admin.module.pinned", formTitle(row.formId), v));
        version.setValue(row.formVersion);
        version.addValueChangeListener(change -> row.formVersion = change.getValue());
        return version;
    }

    private Component accessCell(SectionRow row, String role) {
        Select<SectionAccess> access = new Select<>();
        access.setId("section-access-" + row.id + "-" + role);
        access.setAriaLabel(getTranslation("admin.module.accessFor", role));
        access.setItems(SectionAccess.EDIT, SectionAccess.READ, SectionAccess.HIDDEN);
        access.setItemLabelGenerator(a -> getTranslation("admin.module.access." + a.name().toLowerCase(Locale.ROOT)));
        access.setValue(row.access.getOrDefault(role, SectionAccess.EDIT));
        access.addValueChangeListener(change -> setAccess(row, role, change.getValue()));
        return access;
    }

    private Component removeButton(SectionRow row) {
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> remove(row));
        remove.setId("section-remove-" + row.id);
        remove.setAriaLabel(getTranslation("admin.module.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Component adder() {
        formToAdd.setId("module-form-to-add");
        formToAdd.setLabel(getTranslation("admin.module.addForm"));
        formToAdd.setItems(forms.list().stream().filter(f -> f.latestVersion() != null).map(FormSummary::formId)
                .sorted().toList());
        formToAdd.setItemLabelGenerator(this::formTitle);
        Button add = new Button(getTranslation("admin.module.add"), VaadinIcon.PLUS.create(), click -> {
            if (formToAdd.getValue() != null) {
                addSection(formToAdd.getValue());
            }
        });
        add.setId("module-add-section");
        HorizontalLayout layout = new HorizontalLayout(formToAdd, add);
        layout.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return layout;
    }

    /** Adds a section filled with the published form, following its latest version. */
    SectionRow addSection(String formId) {
        String sectionId = formId;
        for (int n = 2; section(sectionId).isPresent(); n++) {
            sectionId = formId + "_" + n;
        }
        SectionRow row = new SectionRow(sectionId, formId, ModuleSection.LATEST,
                Map.of(getLocale().getLanguage(), formTitle(formId)), Map.of(), false);
        rows.add(row);
        sectionsChanged();
        if (registration.getValue() == null) {
            registration.setValue(row.id);
        }
        return row;
    }

    void move(SectionRow row, int by) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        sectionsChanged();
    }

    void remove(SectionRow row) {
        rows.remove(row);
        sectionsChanged();
    }

    void setAccess(SectionRow row, String role, SectionAccess access) {
        row.access.put(role, access);
    }

    Optional<SectionRow> section(String sectionId) {
        return rows.stream().filter(r -> r.id.equals(sectionId)).findFirst();
    }

    private void sectionsChanged() {
        sections.setItems(rows);
        refreshRegistration(registration.getValue());
        refreshFieldChoices();
    }

    private void refreshRegistration(@Nullable String chosen) {
        List<String> ids = rows.stream().map(r -> r.id).toList();
        registration.setItems(ids);
        registration.setValue(chosen != null && ids.contains(chosen) ? chosen : null);
    }

    private String sectionLabel(String sectionId) {
        return section(sectionId).map(r -> inLanguage(r.labels, getLocale(), r.id) + " (" + r.id + ")")
                .orElse(sectionId);
    }

    // ---- indexed fields ----

    private ComboBox<String> fieldBox(String key) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("module-field-" + key);
        box.setLabel(getTranslation("admin.module.field." + key));
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(event -> choose(box, fieldChoices(), event.getDetail().strip()));
        return box;
    }

    /** The field names of the sections' forms (latest published versions), offered for the indexed fields. */
    private List<String> fieldChoices() {
        Set<String> fields = new LinkedHashSet<>();
        for (SectionRow row : rows) {
            forms.latestVersion(row.formId).ifPresent(version -> version.schema().fields().stream()
                    .map(FormField::name).forEach(fields::add));
        }
        return fields.stream().sorted().toList();
    }

    private void refreshFieldChoices() {
        List<String> choices = fieldChoices();
        for (ComboBox<String> box : List.of(sex, age, estimatedAge, dateOfBirth, location, riskLevel)) {
            choose(box, choices, box.getValue());
        }
    }

    /** Offers {@code choices} (and {@code value}, when it is not one of them) and selects {@code value}. */
    private static void choose(ComboBox<String> box, List<String> choices, @Nullable String value) {
        List<String> items = new ArrayList<>(choices);
        if (value != null && !value.isBlank() && !items.contains(value)) {
            items.add(value);
        }
        box.setItems(items);
        if (value == null || value.isBlank()) {
            box.clear();
        } else {
            box.setValue(value);
        }
    }

    // ---- number preview ----

    /** Shows the next number the pattern would give a case registered now in the user's agency. */
    void preview() {
        clearInvalid(pattern);
        if (pattern.getValue().isBlank()) {
            pattern.setHelperText(getTranslation("admin.module.patternHelp"));
            return;
        }
        String moduleId = id.getValue().isBlank() ? "module" : id.getValue().strip();
        try {
            String next = modules.previewNumber(moduleId, recordType(), pattern.getValue().strip(),
                    actor.agencyCode());
            pattern.setHelperText(getTranslation("admin.module.preview", next));
        } catch (CaseRequestRefusedException e) {
            pattern.setHelperText(getTranslation("admin.module.patternHelp"));
            invalid(pattern, e);
        }
    }

    String previewText() {
        return pattern.getHelperText();
    }

    // ---- saving ----

    private String recordType() {
        return module == null ? "case" : module.recordType();
    }

    /** The module as edited, on {@code version}; refusals the module itself makes are shown at their field. */
    private Optional<RecordModule> edited(long version) {
        List<ModuleSection> built = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SectionRow row = rows.get(i);
            Map<String, SectionAccess> access = new LinkedHashMap<>(row.access);
            // a role not listed may edit: only restrictions are stored, so a role created later edits by default
            access.values().removeIf(a -> a == SectionAccess.EDIT);
            built.add(new ModuleSection(row.id, row.formId, row.formVersion, i + 1, row.labels, access));
        }
        if (built.isEmpty()) {
            sectionsError.setText(getTranslation("admin.module.noSections"));
            return Optional.empty();
        }
        if (registration.getValue() == null) {
            registration.setInvalid(true);
            registration.setErrorMessage(getTranslation("admin.module.noRegistration"));
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>(module == null ? Map.of() : module.name());
        if (!name.getValue().isBlank()) {
            labels.put(getLocale().getLanguage(), name.getValue().strip());
        }
        if (labels.isEmpty()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("admin.module.noName"));
            return Optional.empty();
        }
        List<String> nameFields = Arrays.stream(names.getValue().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (nameFields.isEmpty() || blank(sex) || blank(age) || blank(dateOfBirth) || blank(location)
                || blank(riskLevel)) {
            names.setInvalid(nameFields.isEmpty());
            names.setErrorMessage(getTranslation("admin.module.field.required"));
            for (ComboBox<String> box : List.of(sex, age, dateOfBirth, location, riskLevel)) {
                if (blank(box)) {
                    box.setInvalid(true);
                    box.setErrorMessage(getTranslation("admin.module.field.required"));
                }
            }
            return Optional.empty();
        }
        IndexedFields indexed = new IndexedFields(nameFields, sex.getValue(), age.getValue(), dateOfBirth.getValue(),
                location.getValue(), riskLevel.getValue(), blank(estimatedAge) ? null : estimatedAge.getValue());
        String flow = workflow.getValue() == null || workflow.getValue().isBlank() ? null : workflow.getValue();
        return Optional.of(new RecordModule(id.getValue().strip(), recordType(), labels, built,
                registration.getValue(), pattern.getValue().strip(), flow, indexed, version));
    }

    private static boolean blank(ComboBox<String> box) {
        return box.getValue() == null || box.getValue().isBlank();
    }

    @Override
    boolean save() {
        return saveOn(module == null ? 0 : module.version());
    }

    /** Saves the edited module as based on {@code version}. */
    private boolean saveOn(long version) {
        clearErrors();
        Optional<RecordModule> candidate = edited(version);
        if (candidate.isEmpty()) {
            return false;
        }
        if (module == null && modules.find(candidate.get().id()).isPresent()) {
            id.setInvalid(true);
            id.setErrorMessage(getTranslation("admin.module.idTaken", candidate.get().id()));
            return false;
        }
        try {
            modules.save(actor, candidate.get());
        } catch (CaseRequestRefusedException e) {
            showRefusal(e);
            return false;
        } catch (StaleVersionException e) {
            showConflict();
            return false;
        }
        close();
        saved.run();
        return true;
    }

    /** Puts the service's refusal next to the field it is about. */
    private void showRefusal(CaseRequestRefusedException e) {
        String key = e.messageKey();
        if (key.startsWith("cases.module.pattern") || key.equals("cases.module.badPattern")) {
            invalid(pattern, e);
        } else if (key.equals("cases.module.badId") && !id.getValue().strip().matches("[a-z][a-z0-9_-]{0,40}")) {
            invalid(id, e);
        } else {
            sectionsError.setText(getTranslation(key, e.args()));
        }
    }

    /**
     * Someone else saved the module since it was opened: the edits stay in the editor; the user saves them over
     * the other change (on the current version) or drops them and loads the module as it is now.
     */
    private void showConflict() {
        RecordModule current = modules.find(id.getValue().strip()).orElse(null);
        conflict.removeAll();
        Span message = new Span(current == null ? getTranslation("admin.module.conflictGone")
                : getTranslation("admin.module.conflict", current.version()));
        message.setId("module-conflict-message");
        message.addClassName("kinship-error");
        Button overwrite = new Button(getTranslation("admin.module.saveOver"),
                click -> saveOn(current == null ? 0 : current.version()));
        overwrite.setId("module-save-over");
        Button reload = new Button(getTranslation("admin.module.loadTheirs"), click -> load(current));
        reload.setId("module-load-theirs");
        conflict.add(message, new HorizontalLayout(overwrite, reload));
        conflict.setVisible(true);
    }

    String conflictText() {
        return conflict.isVisible() ? conflict.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c)
                .getText()).findFirst().orElse("") : "";
    }

    boolean saveOver() {
        RecordModule current = modules.find(id.getValue().strip()).orElseThrow();
        return saveOn(current.version());
    }

    void loadTheirs() {
        load(modules.find(id.getValue().strip()).orElse(null));
    }

    private void clearErrors() {
        sectionsError.setText("");
        for (HasValidation field : List.<HasValidation>of(id, name, pattern, registration, names, sex, age,
                estimatedAge, dateOfBirth, location, riskLevel)) {
            clearInvalid(field);
        }
    }

    private void invalid(HasValidation field, CaseRequestRefusedException e) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(e.messageKey(), e.args()));
    }

    private static void clearInvalid(HasValidation field) {
        field.setInvalid(false);
        field.setErrorMessage(null);
    }

    // ---- texts ----

    private String formTitle(String formId) {
        return forms.list().stream().filter(f -> f.formId().equals(formId)).map(FormSummary::title).findFirst()
                .filter(t -> !t.isBlank()).orElse(formId);
    }

    private String roleLabel(Role role) {
        String translated = getTranslation("role." + role.name());
        String fallback = translated.startsWith("!") ? role.name() : translated;
        return inLanguage(role.labels(), getLocale(), fallback);
    }

    /** The text in the locale's language, else English, else {@code fallback}. */
    static String inLanguage(Map<String, String> texts, Locale locale, String fallback) {
        return texts.getOrDefault(locale.getLanguage(), texts.getOrDefault("en", fallback));
    }
}
