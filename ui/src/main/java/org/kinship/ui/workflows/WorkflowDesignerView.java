package org.kinship.ui.workflows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.ui.tasks.TaskTexts;
import org.kinship.workflow.InvalidWorkflowException;
import org.kinship.workflow.WorkflowDefinition;
import org.kinship.workflow.WorkflowDeploymentService;
import org.kinship.workflow.WorkflowMigration;
import org.kinship.workflow.WorkflowProblem;

/**
 * The workflow designer (administrators): the deployed processes and their versions; a BPMN file uploaded, or a
 * version opened, in the bpmn-js modeler; validation (every problem named, translated, nothing deployed);
 * deployment as a new version, moving the running cases to it when the administrator chooses; download of any
 * version's BPMN. What is validated or deployed is what the modeler shows: after an edit in the browser the
 * diagram is fetched from it first.
 */
@Route("admin/workflows")
@PermitAll
public class WorkflowDesignerView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The largest BPMN file accepted (the deployment service refuses larger ones too). */
    static final int MAX_BYTES = 1_048_576;

    /** A new diagram: one start event, to draw from. */
    static final String NEW_DIAGRAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                         xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                         xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://kinship.org/workflows" id="definitions">
              <process id="newProcess" name="New process" isExecutable="true">
                <startEvent id="start"/>
              </process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="newProcess">
                  <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                    <dc:Bounds x="150" y="100" width="36" height="36"/>
                  </bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </definitions>
            """;

    private final WorkflowDeploymentService workflows;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<WorkflowDefinition> latest = new Grid<>();
    private final Grid<WorkflowDefinition> versions = new Grid<>();
    private final H3 versionsTitle = new H3();
    private final BpmnModeler modeler = new BpmnModeler();
    private final Span source = new Span();
    private final Span message = new Span();
    private final UnorderedList problems = new UnorderedList();
    final Checkbox migrate = new Checkbox();
    private final Button validate = new Button();
    private final Button deploy = new Button();
    private final DateTimeFormatter dateTime;
    private String xml = "";
    private @Nullable String fileName;

    public WorkflowDesignerView(WorkflowDeploymentService workflows, PermissionService permissions,
            AuthenticationContext authentication) {
        this.workflows = workflows;
        this.permissions = permissions;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        setId("workflow-designer-view");

        latest.setId("wf-latest");
        latest.addColumn(WorkflowDefinition::key).setKey("key").setHeader(getTranslation("workflows.column.key"))
                .setAutoWidth(true);
        latest.addColumn(d -> d.name() == null ? "" : d.name()).setKey("name")
                .setHeader(getTranslation("workflows.column.name")).setFlexGrow(2);
        latest.addColumn(WorkflowDefinition::version).setKey("version")
                .setHeader(getTranslation("workflows.column.version")).setAutoWidth(true);
        latest.addColumn(this::deployedAt).setKey("deployed").setHeader(getTranslation("workflows.column.deployed"))
                .setAutoWidth(true);
        latest.addColumn(WorkflowDefinition::runningInstances).setKey("running")
                .setHeader(getTranslation("workflows.column.running")).setAutoWidth(true);
        latest.setAllRowsVisible(true);
        latest.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                showVersions(change.getValue().key());
            }
        });

        versions.setId("wf-versions");
        versions.addColumn(WorkflowDefinition::version).setKey("version")
                .setHeader(getTranslation("workflows.column.version")).setAutoWidth(true);
        versions.addColumn(this::deployedAt).setKey("deployed")
                .setHeader(getTranslation("workflows.column.deployed")).setAutoWidth(true);
        versions.addColumn(WorkflowDefinition::runningInstances).setKey("running")
                .setHeader(getTranslation("workflows.column.running")).setAutoWidth(true);
        versions.addColumn(WorkflowDefinition::resourceName).setKey("file")
                .setHeader(getTranslation("workflows.column.file")).setFlexGrow(2);
        versions.addComponentColumn(this::versionActions).setKey("actions").setAutoWidth(true);
        versions.setAllRowsVisible(true);
        versions.setVisible(false);
        versionsTitle.setVisible(false);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> UI.getCurrent().access(
                () -> uploaded(metadata.fileName(), content))));
        upload.setId("wf-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".bpmn", ".xml", "application/xml", "text/xml");
        upload.setUploadButton(new Button(getTranslation("workflows.upload"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(rejected -> showMessage(getTranslation("workflows.upload.rejected",
                MAX_BYTES / 1024), true));
        Button blank = new Button(getTranslation("workflows.new"), VaadinIcon.PLUS.create(),
                click -> load(NEW_DIAGRAM, null, getTranslation("workflows.source.new")));
        blank.setId("wf-new");
        validate.setText(getTranslation("workflows.validate"));
        validate.setId("wf-validate");
        validate.addClickListener(click -> withXml(this::validate));
        migrate.setId("wf-migrate");
        migrate.setLabel(getTranslation("workflows.migrate"));
        deploy.setText(getTranslation("workflows.deploy"));
        deploy.setId("wf-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        deploy.addClickListener(click -> withXml(this::deploy));
        source.setId("wf-source");
        message.setId("wf-message");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);
        problems.setId("wf-problems");
        modeler.setId("wf-modeler");

        HorizontalLayout tools = new HorizontalLayout(upload, blank, validate, migrate, deploy);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        tools.setWrap(true);
        add(new H2(getTranslation("workflows.title")), latest, versionsTitle, versions,
                new H3(getTranslation("workflows.designer")), tools, source, message, problems, modeler);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(user, Resource.WORKFLOW, Action.VIEW)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        boolean manage = permissions.can(user, Resource.WORKFLOW, Action.MANAGE);
        validate.setEnabled(manage);
        deploy.setEnabled(manage);
        migrate.setEnabled(manage);
        refresh();
        event.getLocation().getQueryParameters().getSingleParameter("open")
                .ifPresent(key -> latest.getListDataView().getItems().filter(d -> d.key().equals(key)).findFirst()
                        .ifPresent(definition -> {
                            latest.select(definition);
                            open(definition);
                        }));
    }

    /** Lists the deployed processes again (and the selected one's versions). */
    void refresh() {
        WorkflowDefinition selected = latest.asSingleSelect().getValue();
        List<WorkflowDefinition> definitions = workflows.latest(user);
        latest.setItems(definitions);
        if (selected != null) {
            definitions.stream().filter(d -> d.key().equals(selected.key())).findFirst().ifPresent(latest::select);
        }
    }

    void showVersions(String key) {
        versionsTitle.setText(getTranslation("workflows.versions", key));
        versionsTitle.setVisible(true);
        versions.setItems(workflows.versions(user, key));
        versions.setVisible(true);
    }

    private HorizontalLayout versionActions(WorkflowDefinition definition) {
        String id = definition.key() + "-" + definition.version();
        Button open = new Button(getTranslation("workflows.open"), VaadinIcon.EDIT.create(), click -> open(definition));
        open.setId("wf-open-" + id);
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        String file = definition.key() + "-v" + definition.version() + ".bpmn20.xml";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = workflows.bpmn(user, definition.key(), definition.version())
                    .getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/xml", bytes.length);
        }), getTranslation("workflows.download"));
        download.setTarget(AnchorTarget.BLANK);
        download.getElement().setAttribute("download", file);
        download.setId("wf-download-" + id);
        HorizontalLayout actions = new HorizontalLayout(open, download);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return actions;
    }

    /** Shows a deployed version in the modeler. */
    void open(WorkflowDefinition definition) {
        load(workflows.bpmn(user, definition.key(), definition.version()), definition.resourceName(),
                getTranslation("workflows.source.version", definition.key(), definition.version()));
    }

    /** An uploaded file: shown in the modeler and checked at once (nothing is deployed). */
    void uploaded(String name, byte[] content) {
        if (content.length > MAX_BYTES) {
            showMessage(getTranslation("workflows.upload.rejected", MAX_BYTES / 1024), true);
            return;
        }
        load(new String(content, StandardCharsets.UTF_8), name, getTranslation("workflows.source.upload", name));
        validate(xml);
    }

    private void load(String bpmn, @Nullable String name, String description) {
        xml = bpmn;
        fileName = name;
        source.setText(description);
        problems.removeAll();
        message.setVisible(false);
        modeler.setXml(bpmn);
    }

    /** Runs {@code action} on the diagram as it is: fetched from the browser when the user has edited it there. */
    private void withXml(Consumer<String> action) {
        if (xml.isEmpty()) {
            showMessage(getTranslation("workflows.nothing"), true);
            return;
        }
        if (!modeler.changed()) {
            action.accept(xml);
            return;
        }
        modeler.requestXml(drawn -> {
            if (drawn != null) {
                xml = drawn;
            }
            action.accept(xml);
        }, error -> showMessage(getTranslation("workflows.browserError", error), true));
    }

    /** Lists every problem of the file; nothing is deployed. */
    void validate(String bpmn) {
        List<WorkflowProblem> found;
        try {
            found = workflows.validate(user, bpmn);
        } catch (RuntimeException refused) {
            showMessage(TaskTexts.refusal(this::getTranslation, refused), true);
            return;
        }
        showProblems(found);
        showMessage(found.isEmpty() ? getTranslation("workflows.valid")
                : getTranslation("workflows.invalid", found.size()), !found.isEmpty());
    }

    /** Deploys the file as a new version and, when chosen, moves the running cases to it. */
    void deploy(String bpmn) {
        WorkflowDefinition deployed;
        try {
            deployed = workflows.deploy(user, fileName, bpmn, false);
        } catch (InvalidWorkflowException invalid) {
            showProblems(invalid.problems());
            showMessage(getTranslation("workflow.invalid", invalid.problems().size()), true);
            return;
        } catch (RuntimeException refused) {
            showMessage(TaskTexts.refusal(this::getTranslation, refused), true);
            return;
        }
        problems.removeAll();
        String text = getTranslation("workflows.deployed", deployed.key(), deployed.version());
        if (migrate.getValue()) {
            try {
                WorkflowMigration moved = workflows.migrate(user, deployed.key(), deployed.version());
                text += " " + (moved.refused().isEmpty() ? getTranslation("workflows.migrated", moved.migrated().size())
                        : getTranslation("workflows.migrationRefused", String.join("; ", moved.refused())));
            } catch (RuntimeException refused) {
                text += " " + TaskTexts.refusal(this::getTranslation, refused);
            }
        }
        showMessage(text, false);
        source.setText(getTranslation("workflows.source.version", deployed.key(), deployed.version()));
        refresh();
        latest.getListDataView().getItems().filter(d -> d.key().equals(deployed.key())).findFirst()
                .ifPresent(latest::select);
        showVersions(deployed.key());
    }

    private void showProblems(List<WorkflowProblem> found) {
        problems.removeAll();
        for (WorkflowProblem problem : found) {
            String text = getTranslation("workflow.problem." + problem.code(), problem.args().toArray());
            ListItem item = new ListItem(problem.element() == null ? text
                    : getTranslation("workflows.problemAt", problem.element(), text));
            item.getElement().setAttribute("data-code", problem.code());
            problems.add(item);
        }
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().getThemeList().clear();
        message.getElement().getThemeList().add("badge");
        message.getElement().getThemeList().add(error ? "error" : "success");
        message.setVisible(true);
    }

    private String deployedAt(WorkflowDefinition definition) {
        return definition.deployedAt() == null ? "" : dateTime.format(definition.deployedAt());
    }

    /** For view tests. */
    List<String> problemTexts() {
        return problems.getChildren().map(c -> c.getElement().getText()).toList();
    }

    List<String> problemCodes() {
        return problems.getChildren().map(c -> c.getElement().getAttribute("data-code")).toList();
    }

    String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    Grid<WorkflowDefinition> latestGrid() {
        return latest;
    }

    Grid<WorkflowDefinition> versionsGrid() {
        return versions;
    }

    BpmnModeler modeler() {
        return modeler;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workflows.title") + " · " + getTranslation("app.name");
    }
}
