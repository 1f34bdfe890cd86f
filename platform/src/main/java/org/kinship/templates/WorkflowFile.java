package org.kinship.templates;

/** A BPMN 2.0 process shipped in a package: its file name ({@code *.bpmn20.xml}) and XML text. */
public record WorkflowFile(String name, String xml) {
}
