package org.kinship.workflow;

import java.util.List;
import java.util.Map;

/** A workflow, task or service-level request refused; the message key and arguments are translated for the caller. */
public class WorkflowRequestRefusedException extends RuntimeException {

    /** How the refusal answers over HTTP. */
    public enum Reason {
        BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT, INVALID
    }

    private final Reason reason;
    private final String messageKey;
    private final List<Object> args;
    private final List<Map<String, String>> errors;

    public WorkflowRequestRefusedException(Reason reason, String messageKey, Object... args) {
        this(reason, List.of(), messageKey, args);
    }

    /** @param errors details for the caller, e.g. {@code {path, message}} of each invalid field (translated) */
    public WorkflowRequestRefusedException(Reason reason, List<Map<String, String>> errors, String messageKey,
            Object... args) {
        super(messageKey);
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = List.of(args);
        this.errors = List.copyOf(errors);
    }

    public List<Map<String, String>> errors() {
        return errors;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
