package org.kinship.cases;

/** Whether work on a case goes on. A closed case can be reopened. */
public enum CaseStatus {
    OPEN, CLOSED
}
