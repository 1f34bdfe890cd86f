package org.kinship.forms;

/** The draft is identical to the latest published version, so publishing would add nothing. */
public class NothingToPublishException extends RuntimeException {

    private final FormVersionRef latest;

    public NothingToPublishException(FormVersionRef latest) {
        super("the draft is the same as " + latest);
        this.latest = latest;
    }

    public FormVersionRef latest() {
        return latest;
    }
}
