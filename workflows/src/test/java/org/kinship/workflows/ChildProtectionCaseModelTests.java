package org.kinship.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.validation.ProcessValidatorFactory;
import org.junit.jupiter.api.Test;

/** The shipped BPMN file read as a model, without an engine: structure a deployment would only reveal late. */
class ChildProtectionCaseModelTests {

    private static final String RESOURCE = "/processes/child-protection-case.bpmn20.xml";

    private static final Set<String> SECTION_FORM_KEYS = Set.of(
            "registration", "initial_assessment", "case_plan", "follow_up", "closure");

    private static final Set<String> APPROVAL_FORM_KEYS = Set.of(
            "approval:initial_assessment", "approval:case_plan", "approval:closure");

    private static final Set<String> ALLOWED_FORM_KEYS = Stream.concat(
            SECTION_FORM_KEYS.stream(), APPROVAL_FORM_KEYS.stream()).collect(Collectors.toSet());

    private final BpmnModel model = parse();

    private final Process process = model.getProcessById(RunningCase.PROCESS_KEY);

    @Test
    void parsesAgainstTheBpmnSchemaAndPassesFlowableValidation() {
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)).isEmpty();
    }

    @Test
    void everyUserTaskAsksForAKnownFormSection() {
        assertThat(userTasks()).isNotEmpty().allSatisfy(task ->
                assertThat(task.getFormKey()).as(task.getId())
                        .isIn(ALLOWED_FORM_KEYS));
        assertThat(userTasks()).extracting(UserTask::getFormKey)
                .containsAll(SECTION_FORM_KEYS).containsAll(APPROVAL_FORM_KEYS);
    }

    @Test
    void workerTasksGoToTheCaseOwnerAndApprovalsToSupervisors() {
        assertThat(userTasks()).allSatisfy(task -> {
            if (APPROVAL_FORM_KEYS.contains(task.getFormKey())) {
                assertThat(task.getAssignee()).as(task.getId()).isNull();
                assertThat(task.getCandidateGroups()).as(task.getId()).containsExactly("supervisor");
            } else {
                assertThat(task.getAssignee()).as(task.getId()).isEqualTo("${caseOwner}");
                assertThat(task.getCandidateGroups()).as(task.getId()).containsExactly("case_worker");
            }
        });
    }

    @Test
    void everyTimerHasADateExpressionAndLeavesItsTaskRunning() {
        List<BoundaryEvent> timers = process.findFlowElementsOfType(BoundaryEvent.class).stream()
                .filter(event -> event.getEventDefinitions().getFirst() instanceof TimerEventDefinition)
                .toList();

        assertThat(timers).extracting(BoundaryEvent::getId)
                .containsExactlyInAnyOrder("assessmentOverdue", "casePlanOverdue");
        assertThat(timers).allSatisfy(timer -> {
            var definition = (TimerEventDefinition) timer.getEventDefinitions().getFirst();
            assertThat(definition.getTimeDate()).as(timer.getId()).matches("\\$\\{\\w+Due}");
            assertThat(timer.isCancelActivity()).as(timer.getId()).isFalse();
        });
    }

    @Test
    void aTimedTaskCarriesTheSameDueDateAsItsTimer() {
        for (BoundaryEvent timer : process.findFlowElementsOfType(BoundaryEvent.class)) {
            var definition = (TimerEventDefinition) timer.getEventDefinitions().getFirst();
            var task = (UserTask) timer.getAttachedToRef();
            assertThat(task.getDueDate()).as(task.getId()).isEqualTo(definition.getTimeDate());
        }
    }

    @Test
    void callsNoSpringBeansOnlyClearsStaleDecisions() {
        assertThat(process.getFlowElements()).allSatisfy(element ->
                assertThat(element).as(element.getId()).isInstanceOfAny(
                        StartEvent.class, EndEvent.class, UserTask.class, BoundaryEvent.class,
                        ExclusiveGateway.class, SequenceFlow.class));
        List<FlowableListener> listeners = userTasks().stream()
                .flatMap(task -> task.getExecutionListeners().stream()).toList();
        assertThat(listeners).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.getImplementationType()).isEqualTo(ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION);
            assertThat(listener.getImplementation())
                    .matches("\\$\\{execution\\.removeVariable\\('(approved|reviewComment|continueFollowUp)'\\)}");
        });
        assertThat(userTasks()).allSatisfy(task -> assertThat(task.getTaskListeners()).isEmpty());
    }

    @Test
    void everyElementHasADiagramPositionForTheModeler() {
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof SequenceFlow flow) {
                assertThat(model.getFlowLocationGraphicInfo(flow.getId())).as(flow.getId()).hasSizeGreaterThanOrEqualTo(2);
            } else {
                assertThat(model.getGraphicInfo(element.getId())).as(element.getId()).isNotNull();
            }
        }
    }

    private List<UserTask> userTasks() {
        return process.findFlowElementsOfType(UserTask.class);
    }

    private static BpmnModel parse() {
        return new BpmnXMLConverter().convertToBpmnModel(ChildProtectionCaseModelTests::open, true, false);
    }

    private static InputStream open() {
        InputStream stream = ChildProtectionCaseModelTests.class.getResourceAsStream(RESOURCE);
        assertThat(stream).as(RESOURCE + " on the classpath").isNotNull();
        return stream;
    }
}
