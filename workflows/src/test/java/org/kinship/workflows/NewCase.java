package org.kinship.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data: a freshly registered case as the platform hands it to the {@code childProtectionCase} process.
 * The service-level targets below are examples; in the product they are administrator-editable data.
 */
record NewCase(String caseId, String caseOwner, String riskLevel, Instant assessmentDue, Instant casePlanDue) {

    static final String CASE_WORKER = "amina.worker";

    static NewCase highRisk(Instant registeredAt) {
        return new NewCase(newCaseId(), CASE_WORKER, "high",
                registeredAt.plus(Duration.ofHours(24)), registeredAt.plus(Duration.ofDays(3)));
    }

    static NewCase lowRisk(Instant registeredAt) {
        return new NewCase(newCaseId(), CASE_WORKER, "low",
                registeredAt.plus(Duration.ofDays(7)), registeredAt.plus(Duration.ofDays(30)));
    }

    /** The process variables of the contract in docs/workflows.md: due dates as ISO-8601 strings. */
    Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseOwner", caseOwner);
        variables.put("riskLevel", riskLevel);
        variables.put("assessmentDue", assessmentDue.toString());
        variables.put("casePlanDue", casePlanDue.toString());
        return variables;
    }

    private static String newCaseId() {
        return "case-" + UUID.randomUUID();
    }
}
