package org.kinship.workflow.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.common.engine.impl.util.io.StringStreamSource;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import org.kinship.workflow.WorkflowProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Everything that must hold before a BPMN file is deployed, each failure named: size, well-formed XML (no DTD,
 * no external entities), a BPMN 2.0 {@code definitions} root, the BPMN schema, unique ids, at least one
 * executable process, Flowable's own validator, every user task's form key naming a module section or
 * {@code approval:<section>}, and every timer and due date parsing.
 */
final class BpmnRules {

    static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final int MAX_BYTES = 1_048_576;

    private final Set<String> sections;
    private final ExpressionManager expressions;

    /**
     * @param sections    the section ids a form key may name
     * @param expressions the engine's expression parser (for {@code ${...}} timers and due dates)
     */
    BpmnRules(Collection<String> sections, ExpressionManager expressions) {
        this.sections = Set.copyOf(sections);
        this.expressions = expressions;
    }

    record Checked(List<WorkflowProblem> problems, @Nullable BpmnModel model) {
    }

    Checked check(@Nullable String xml) {
        List<WorkflowProblem> problems = new ArrayList<>();
        if (xml == null || xml.isBlank()) {
            problems.add(problem("notXml", null, "empty"));
            return new Checked(problems, null);
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(problem("tooLarge", null, Integer.toString(MAX_BYTES / 1024)));
            return new Checked(problems, null);
        }
        Document document;
        try {
            document = parse(xml);
        } catch (SAXParseException e) {
            problems.add(problem("notXml", null, "line " + e.getLineNumber() + ": " + e.getMessage()));
            return new Checked(problems, null);
        } catch (SAXException | IOException e) {
            problems.add(problem("notXml", null, String.valueOf(e.getMessage())));
            return new Checked(problems, null);
        }
        Element root = document.getDocumentElement();
        if (!"definitions".equals(root.getLocalName()) || !BPMN_NAMESPACE.equals(root.getNamespaceURI())) {
            problems.add(problem("notBpmn", null, root.getNodeName()));
            return new Checked(problems, null);
        }
        duplicateIds(root, problems);
        BpmnModel model = null;
        if (problems.isEmpty()) {
            // the schema repeats duplicate ids as an invalid document: check it only when the ids are unique
            try {
                model = new BpmnXMLConverter().convertToBpmnModel(new StringStreamSource(xml), true, true);
            } catch (RuntimeException e) {
                problems.add(problem("notBpmn", null, String.valueOf(e.getMessage())));
            }
        }
        if (model == null) {
            // go on without the schema, to name the other problems too
            try {
                model = new BpmnXMLConverter().convertToBpmnModel(new StringStreamSource(xml), false, true);
            } catch (RuntimeException e) {
                if (problems.isEmpty()) {
                    problems.add(problem("notBpmn", null, String.valueOf(e.getMessage())));
                }
                return new Checked(problems, null);
            }
        }
        if (model.getProcesses().isEmpty()) {
            problems.add(problem("noProcess", null));
        }
        for (Process process : model.getProcesses()) {
            if (!process.isExecutable()) {
                problems.add(problem("notExecutable", process.getId(), process.getId()));
            }
        }
        if (problems.isEmpty()) {
            for (ValidationError error : new ProcessValidatorFactory().createDefaultProcessValidator().validate(model)) {
                if (!error.isWarning()) {
                    problems.add(problem("engine", error.getActivityId(),
                            String.valueOf(error.getDefaultDescription()), String.valueOf(error.getProblem())));
                }
            }
        }
        for (Process process : model.getProcesses()) {
            for (FlowElement element : elements(process)) {
                if (element instanceof UserTask task) {
                    formKey(task, problems);
                    if (task.getDueDate() != null && !task.getDueDate().isBlank()) {
                        dateOrExpression(task.getId(), task.getDueDate(), problems);
                    }
                }
                if (element instanceof Event event) {
                    event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                            .map(TimerEventDefinition.class::cast).forEach(timer -> timer(event.getId(), timer,
                                    problems));
                }
            }
        }
        return new Checked(problems, model);
    }

    private static Document parse(String xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void duplicateIds(Element root, List<WorkflowProblem> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String id = element.getAttribute("id");
            if (!id.isEmpty() && !seen.add(id)) {
                duplicates.add(id);
            }
        }
        duplicates.forEach(id -> problems.add(problem("duplicateId", id, id)));
    }

    private static List<FlowElement> elements(FlowElementsContainer container) {
        List<FlowElement> all = new ArrayList<>();
        for (FlowElement element : container.getFlowElements()) {
            all.add(element);
            if (element instanceof FlowElementsContainer nested) {
                all.addAll(elements(nested));
            }
        }
        return all;
    }

    private void formKey(UserTask task, List<WorkflowProblem> problems) {
        String key = task.getFormKey();
        if (key == null || key.isBlank()) {
            problems.add(problem("missingFormKey", task.getId(), task.getId()));
            return;
        }
        if (key.startsWith(TaskForms.RECORD_PREFIX) && key.length() > TaskForms.RECORD_PREFIX.length()) {
            return;
        }
        String section = key.startsWith(TaskForms.APPROVAL_PREFIX) ? key.substring(TaskForms.APPROVAL_PREFIX.length())
                : key;
        if (!sections.contains(section)) {
            problems.add(problem("unknownFormKey", task.getId(), task.getId(), key));
        }
    }

    private void timer(String elementId, TimerEventDefinition timer, List<WorkflowProblem> problems) {
        if (notBlank(timer.getTimeDate())) {
            dateOrExpression(elementId, timer.getTimeDate(), problems);
        } else if (notBlank(timer.getTimeDuration())) {
            if (!expression(elementId, timer.getTimeDuration(), problems) && !duration(timer.getTimeDuration())) {
                problems.add(problem("badTimer", elementId, elementId, timer.getTimeDuration()));
            }
        } else if (notBlank(timer.getTimeCycle())) {
            if (!expression(elementId, timer.getTimeCycle(), problems) && !cycle(timer.getTimeCycle())) {
                problems.add(problem("badTimer", elementId, elementId, timer.getTimeCycle()));
            }
        } else {
            problems.add(problem("badTimer", elementId, elementId, ""));
        }
    }

    private void dateOrExpression(String elementId, String text, List<WorkflowProblem> problems) {
        if (!expression(elementId, text, problems) && !date(text)) {
            problems.add(problem("badTimer", elementId, elementId, text));
        }
    }

    /** True when the text is an expression (a problem is added when it does not parse). */
    private boolean expression(String elementId, String text, List<WorkflowProblem> problems) {
        String trimmed = text.strip();
        if (!trimmed.contains("${") && !trimmed.contains("#{")) {
            return false;
        }
        try {
            expressions.createExpression(trimmed);
        } catch (RuntimeException e) {
            problems.add(problem("badTimer", elementId, elementId, trimmed));
        }
        return true;
    }

    private static boolean date(String text) {
        String value = text.strip();
        for (var parser : List.<java.util.function.Function<String, Object>>of(Instant::parse, OffsetDateTime::parse,
                LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.apply(value);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static boolean duration(String text) {
        try {
            DatatypeFactory.newInstance().newDuration(text.strip());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | DatatypeConfigurationException e) {
            return false;
        }
    }

    private static boolean cycle(String text) {
        String value = text.strip();
        if (value.startsWith("R")) {
            String[] parts = value.split("/");
            if (parts.length < 2 || !parts[0].matches("R\\d*")) {
                return false;
            }
            for (int i = 1; i < parts.length; i++) {
                if (!duration(parts[i]) && !date(parts[i])) {
                    return false;
                }
            }
            return true;
        }
        String[] fields = value.split("\\s+");
        return (fields.length == 6 || fields.length == 7)
                && java.util.Arrays.stream(fields).allMatch(f -> f.matches("[0-9A-Za-z*?/,#LW-]+"));
    }

    private static boolean notBlank(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    private static WorkflowProblem problem(String code, @Nullable String element, String... args) {
        return new WorkflowProblem(code, element, List.of(args));
    }

}
