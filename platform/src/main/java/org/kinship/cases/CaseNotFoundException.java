package org.kinship.cases;

/** No case with this id, or none the user may see (the two are not told apart). */
public class CaseNotFoundException extends RuntimeException {

    private final String caseId;

    public CaseNotFoundException(String caseId) {
        super("No case " + caseId);
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
