package org.kinship.cases;

/** Why a value cannot be stored: {@code path} is a JSON Pointer into the submitted data, the message is translated. */
public record FieldProblem(String path, String message) {
}
