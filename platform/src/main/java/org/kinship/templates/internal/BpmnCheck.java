package org.kinship.templates.internal;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.PackageRefusedException.Reason;
import org.kinship.templates.WorkflowFile;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A workflow in a package must be a plain file name ending in {@code .bpmn20.xml} and a well-formed BPMN 2.0
 * document ({@code definitions} root); DTDs and external entities are refused, so a package cannot make the
 * parser read files or the network.
 */
final class BpmnCheck {

    private static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private BpmnCheck() {
    }

    static void check(WorkflowFile workflow) {
        String name = workflow.name() == null ? "" : workflow.name();
        if (!name.matches("[A-Za-z0-9._-]{1,100}\\.bpmn20\\.xml")) {
            throw new PackageRefusedException(Reason.INVALID_WORKFLOW, name);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(
                    workflow.xml() == null ? "" : workflow.xml())));
            var root = document.getDocumentElement();
            if (!"definitions".equals(root.getLocalName()) || !BPMN_NAMESPACE.equals(root.getNamespaceURI())) {
                throw new PackageRefusedException(Reason.INVALID_WORKFLOW, name);
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PackageRefusedException(Reason.INVALID_WORKFLOW, name);
        }
    }
}
