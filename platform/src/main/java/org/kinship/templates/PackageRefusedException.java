package org.kinship.templates;

import java.util.List;

import org.kinship.forms.FormProblem;

/** A package that is not applied at all; {@link #reason()} names why (message key {@code templates.refused.*}). */
public class PackageRefusedException extends RuntimeException {

    /** Why a package is refused. */
    public enum Reason {
        NOT_A_PACKAGE, UNSIGNED, UNTRUSTED_PUBLISHER, BAD_SIGNATURE, NEWER_KINSHIP_VERSION, INVALID_FORM,
        INVALID_LOOKUP, INVALID_WORKFLOW,
        /** A step of the apply failed; everything the apply had stored was undone. */
        APPLY_FAILED,
        /** Another apply is running, or an interrupted one is undone at the next start. */
        APPLY_IN_PROGRESS;

        public String messageKey() {
            return "templates.refused." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String detail;
    private final List<FormProblem> problems;

    public PackageRefusedException(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    public PackageRefusedException(Reason reason, String detail, List<FormProblem> problems) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    public Reason reason() {
        return reason;
    }

    /** What the message names: a form id, a version, a key id. */
    public String detail() {
        return detail;
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
