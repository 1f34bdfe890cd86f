package org.kinship.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.kinship.workflow.WorkflowDefinition;
import org.kinship.workflow.WorkflowDeploymentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The workflow designer: a broken upload lists every problem translated and deploys nothing; a valid one is
 * deployed as a new version and listed with its versions; a deployed version opens in the modeler.
 */
@PlatformIntegrationTest
class WorkflowDesignerViewTests extends SpringBrowserlessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The standard forms and lookups, published in the ui tests' shared context (no second context). */
    @org.junit.jupiter.api.BeforeEach
    void standardForms() {
        org.kinship.ui.cases.StandardCaseModule.use(context);
    }

    @Autowired
    WorkflowDeploymentService workflows;

    @Test
    @WithKinshipUser(username = "wf.admin", role = DefaultRoles.ADMINISTRATOR, agency = "WFA")
    void aBrokenUploadListsItsProblemsAndDeploysNothing() {
        WorkflowDesignerView view = navigate(WorkflowDesignerView.class);
        assertThat(view.latestGrid().getListDataView().getItems()).extracting(WorkflowDefinition::key)
                .contains("childProtectionCase");
        int deployedBefore = workflows.latest(signedIn()).size();

        view.uploaded("broken.bpmn", bytes(process("uiBrokenProcess",
                "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                        + "<userTask id=\"work\" flowable:formKey=\"no_such_section\"/>"
                        + "<boundaryEvent id=\"late\" attachedToRef=\"work\" cancelActivity=\"false\">"
                        + "<timerEventDefinition><timeDate>next tuesday</timeDate></timerEventDefinition>"
                        + "</boundaryEvent>"
                        + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"end\"/><endEvent id=\"end\"/>"
                        + "<sequenceFlow id=\"f3\" sourceRef=\"late\" targetRef=\"end\"/>")));

        assertThat(view.problemCodes()).contains("unknownFormKey", "badTimer");
        assertThat(view.problemTexts()).anySatisfy(text -> assertThat(text).isEqualTo(
                "work: User task work names no_such_section, which is neither a section of a module nor"
                        + " approval:<section>"));
        assertThat(view.messageText()).endsWith("problem(s): nothing can be deployed until they are corrected");

        $(Button.class).id("wf-deploy").click();

        assertThat(view.messageText()).startsWith("The BPMN file cannot be deployed:");
        assertThat(workflows.latest(signedIn())).hasSize(deployedBefore).extracting(WorkflowDefinition::key)
                .doesNotContain("uiBrokenProcess");

        view.uploaded("notes.txt", "this is not <xml".getBytes(StandardCharsets.UTF_8));
        assertThat(view.problemCodes()).containsExactly("notXml");

        view.uploaded("huge.bpmn", new byte[WorkflowDesignerView.MAX_BYTES + 1]);
        assertThat(view.messageText()).isEqualTo("Only a BPMN file of at most 1024 kB is accepted");
    }

    @Test
    @WithKinshipUser(username = "wf.deployer", role = DefaultRoles.ADMINISTRATOR, agency = "WFA")
    void aValidUploadIsDeployedAsANewVersionAndListed() {
        WorkflowDesignerView view = navigate(WorkflowDesignerView.class);
        view.uploaded("small.bpmn20.xml", bytes(process("uiSmallProcess",
                "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"work\"/>"
                        + "<userTask id=\"work\" flowable:formKey=\"registration\"/>"
                        + "<sequenceFlow id=\"f2\" sourceRef=\"work\" targetRef=\"check\"/>"
                        + "<userTask id=\"check\" flowable:formKey=\"approval:registration\"/>"
                        + "<sequenceFlow id=\"f3\" sourceRef=\"check\" targetRef=\"end\"/><endEvent id=\"end\"/>")));
        assertThat(view.problemCodes()).isEmpty();
        assertThat(view.messageText()).isEqualTo("No problems: the file can be deployed. Nothing was deployed.");
        assertThat(workflows.latest(signedIn())).extracting(WorkflowDefinition::key).doesNotContain("uiSmallProcess");

        $(Button.class).id("wf-deploy").click();

        assertThat(view.messageText()).isEqualTo("Deployed uiSmallProcess as version 1.");
        assertThat(view.latestGrid().getListDataView().getItems()).extracting(WorkflowDefinition::key)
                .contains("uiSmallProcess", "childProtectionCase");
        assertThat(view.versionsGrid().isVisible()).isTrue();
        assertThat(view.versionsGrid().getListDataView().getItems()).extracting(WorkflowDefinition::version)
                .containsExactly(1);

        view.migrate.setValue(true);
        $(Button.class).id("wf-deploy").click();

        assertThat(view.messageText()).isEqualTo("Deployed uiSmallProcess as version 2. 0 running case(s) moved to it.");
        assertThat(view.versionsGrid().getListDataView().getItems()).extracting(WorkflowDefinition::version)
                .containsExactly(2, 1);

        view.open(view.versionsGrid().getListDataView().getItems().filter(d -> d.version() == 1).findFirst()
                .orElseThrow());
        assertThat(view.modeler().xml()).contains("id=\"uiSmallProcess\"");
    }

    @Test
    @WithKinshipUser(username = "wf.worker", agency = "WFA")
    void theDesignerIsNotThereForACaseWorker() {
        navigate("admin/workflows", com.vaadin.flow.component.Component.class);

        assertThat($(WorkflowDesignerView.class).all()).isEmpty();
    }

    static String process(String id, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"https://kinship.org/test\">"
                + "<process id=\"" + id + "\" isExecutable=\"true\">" + body + "</process>"
                + "</definitions>";
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
