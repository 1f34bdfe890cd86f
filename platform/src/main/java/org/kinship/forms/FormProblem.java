package org.kinship.forms;

/**
 * One problem found in a form definition or in form data. {@code path} is a JSON Pointer into the
 * checked document ({@code ""} is the whole document), {@code code} the stable message key, and
 * {@code message} the text in the caller's language.
 */
public record FormProblem(String path, String code, String message) {
}
