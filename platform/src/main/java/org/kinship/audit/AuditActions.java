package org.kinship.audit;

/** The actions the audit log knows; features may add their own dotted names. */
public final class AuditActions {

    public static final String LOGIN_SUCCESS = "login.success";
    public static final String LOGIN_FAILURE = "login.failure";
    public static final String ACCOUNT_LOCKED = "account.locked";
    public static final String RECORD_VIEW = "record.view";
    public static final String RECORD_CHANGE = "record.change";
    public static final String EXPORT = "export";
    public static final String PERMISSION_CHANGE = "permission.change";
    public static final String CONFIG_CHANGE = "config.change";
    public static final String CONSENT_CHANGE = "consent.change";
    public static final String CONSENT_OVERRIDE = "consent.override";
    public static final String ACCESS_DENIED = "access.denied";
    /** Someone read or verified the audit log itself. */
    public static final String AUDIT_VIEW = "audit.view";
    /** A template package was imported (applied) or refused. */
    public static final String TEMPLATE_IMPORT = "template.import";
    /** A template package was exported from this instance. */
    public static final String TEMPLATE_EXPORT = "template.export";
    /** An administrator trusted a template publisher's key. */
    public static final String TEMPLATE_TRUST = "template.trust";

    private AuditActions() {
    }
}
