package org.kinship.forms;

/** Which published version of which form some data was filled with. Data records keep this. */
public record FormVersionRef(String formId, int version) {

    public FormVersionRef {
        if (version < 1) {
            throw new IllegalArgumentException("form versions start at 1");
        }
    }

    @Override
    public String toString() {
        return formId + "@" + version;
    }
}
