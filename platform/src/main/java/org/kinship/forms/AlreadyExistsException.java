package org.kinship.forms;

/** A form or lookup with this id exists already; {@code kind} is {@code form} or {@code lookup}. */
public class AlreadyExistsException extends RuntimeException {

    private final String kind;
    private final String id;

    public AlreadyExistsException(String kind, String id) {
        super(kind + " " + id + " already exists");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
