package org.kinship.cases;

/**
 * What a user wants to do with a case; the names follow the security feature's permission actions
 * ({@code case:view}, {@code case:create}, {@code case:edit}, {@code case:close}). Notes, flags and
 * attachments are edits. {@code VIEW_SENSITIVE} ({@code case:view_sensitive}) is seeing the values of fields
 * marked sensitive; without it they are masked.
 */
public enum CaseAction {
    VIEW, CREATE, EDIT, CLOSE, VIEW_SENSITIVE
}
