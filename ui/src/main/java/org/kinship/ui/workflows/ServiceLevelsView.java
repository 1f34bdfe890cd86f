package org.kinship.ui.workflows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.ui.tasks.TaskTexts;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.ServiceLevels;

/**
 * The service-level targets per risk level (hours from registration to the initial assessment and to the case
 * plan), edited by administrators ({@code workflow:manage}). Saving replaces the targets if nobody saved them
 * meanwhile (a stale version is refused and said so); the running cases' due dates move with them. A risk level
 * with both fields empty has no target of its own (the engine then uses the loosest target).
 */
@Route("admin/service-levels")
@PermitAll
public class ServiceLevelsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ServiceLevelService serviceLevels;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final TaskTexts texts;
    private final FormLayout form = new FormLayout();
    private final Map<String, IntegerField[]> rows = new LinkedHashMap<>();
    private final Span version = new Span();
    private final Span message = new Span();
    private final Button save = new Button();
    private long loadedVersion;

    public ServiceLevelsView(ServiceLevelService serviceLevels, PermissionService permissions,
            RecordModuleService modules, FormDefinitionService forms, LookupService lookups, Clock clock,
            AuthenticationContext authentication) {
        this.serviceLevels = serviceLevels;
        this.permissions = permissions;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        this.texts = new TaskTexts(modules, forms, lookups, this::getTranslation, getLocale(), clock);
        setId("service-levels-view");
        version.setId("service-levels-version");
        message.setId("service-levels-message");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);
        form.setId("service-levels-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
        save.setText(getTranslation("serviceLevels.save"));
        save.setId("service-levels-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button reload = new Button(getTranslation("serviceLevels.reload"), click -> load());
        reload.setId("service-levels-reload");
        add(new H2(getTranslation("serviceLevels.title")), new Paragraph(getTranslation("serviceLevels.hint")),
                version, message, form, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(save, reload));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(user, Resource.WORKFLOW, Action.VIEW)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        save.setVisible(permissions.can(user, Resource.WORKFLOW, Action.MANAGE));
        load();
    }

    /** Shows the stored targets (and a row for every risk level of the lookup that has none). */
    void load() {
        ServiceLevels current = serviceLevels.current();
        loadedVersion = current.version();
        version.setText(current.version() == 0 ? getTranslation("serviceLevels.defaults")
                : getTranslation("serviceLevels.version", current.version(), current.updatedAt() == null ? ""
                        : texts.dateTime(current.updatedAt())));
        Set<String> risks = new LinkedHashSet<>();
        current.targets().forEach(t -> risks.add(t.riskLevel()));
        risks.addAll(texts.riskLevels());
        if (risks.isEmpty()) {
            risks.addAll(List.of("high", "medium", "low"));
        }
        form.removeAll();
        rows.clear();
        for (String risk : risks) {
            IntegerField assessment = hours("sl-" + risk + "-assessment", "serviceLevels.assessmentHours");
            IntegerField casePlan = hours("sl-" + risk + "-case-plan", "serviceLevels.casePlanHours");
            current.forRisk(risk).ifPresent(target -> {
                assessment.setValue(target.assessmentHours());
                casePlan.setValue(target.casePlanHours());
            });
            H4 label = new H4(texts.risk(risk));
            label.setId("sl-" + risk + "-label");
            form.add(label, assessment, casePlan);
            rows.put(risk, new IntegerField[] {assessment, casePlan});
        }
    }

    private IntegerField hours(String id, String labelKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setSuffixComponent(new Span(getTranslation("serviceLevels.hours")));
        return field;
    }

    /** Saves the targets on the version they were read at; the service's refusal is shown translated. */
    void save() {
        List<ServiceLevel> targets = new ArrayList<>();
        for (Map.Entry<String, IntegerField[]> row : rows.entrySet()) {
            Integer assessment = row.getValue()[0].getValue();
            Integer casePlan = row.getValue()[1].getValue();
            if (assessment == null && casePlan == null) {
                continue;
            }
            if (assessment == null || casePlan == null) {
                show(getTranslation("serviceLevels.incomplete", texts.risk(row.getKey())), true);
                return;
            }
            targets.add(new ServiceLevel(row.getKey(), assessment, casePlan));
        }
        try {
            ServiceLevels saved = serviceLevels.update(user, loadedVersion, targets);
            load();
            show(getTranslation("serviceLevels.saved", saved.version()), false);
        } catch (RuntimeException refused) {
            show(texts.refusal(refused), true);
        }
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getElement().getThemeList().clear();
        message.getElement().getThemeList().add("badge");
        message.getElement().getThemeList().add(error ? "error" : "success");
        message.setVisible(true);
    }

    /** For view tests. */
    IntegerField field(String risk, int step) {
        return rows.get(risk)[step];
    }

    String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("serviceLevels.title") + " · " + getTranslation("app.name");
    }
}
