package org.kinship.cases;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;

/** Creates users with one role in an agency (created when missing); names are unique per call. */
public final class CaseTestUsers {

    public static final String PASSWORD = "Nyiragongo-Test-Pass-7";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final UserAccountService accounts;

    public CaseTestUsers(UserAccountService accounts) {
        this.accounts = accounts;
    }

    /** A signed-in user as the API would see them; {@code username()} signs in with {@link #PASSWORD}. */
    public KinshipUser create(String role, String agencyCode) {
        if (accounts.findAgency(agencyCode).isEmpty()) {
            accounts.createAgency(agencyCode, "Agency " + agencyCode);
        }
        String name = role.replace('_', '.') + "." + agencyCode.toLowerCase(java.util.Locale.ROOT) + "."
                + COUNTER.incrementAndGet();
        return KinshipUser.of(accounts.create(name, PASSWORD, "User " + name, Set.of(role), agencyCode));
    }

    public KinshipUser worker(String agencyCode) {
        return create(DefaultRoles.CASE_WORKER, agencyCode);
    }

    public KinshipUser supervisor(String agencyCode) {
        return create(DefaultRoles.SUPERVISOR, agencyCode);
    }

    /**
     * Assigns the case to {@code user} (assignment has no service yet): stored as a write whose index update is
     * pending, then repaired, as the index does after a crash.
     */
    public static void assign(com.mongodb.client.MongoDatabase database, CaseIndexService index, String caseId,
            KinshipUser user) {
        database.getCollection("cases").updateOne(com.mongodb.client.model.Filters.eq("_id", caseId),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.push("assignedIds", user.id()),
                        com.mongodb.client.model.Updates.set("indexPending", true)));
        index.repair();
    }
}
