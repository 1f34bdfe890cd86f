package org.kinship.cases;

import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class CaseIndexRepairIntegrationTests {

    @BeforeAll
    static void publishCaseForms(@Autowired ApplicationContext context) {
        CaseForms.publish(context);
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseListService lists;

    @Autowired
    CaseIndexService index;

    @Autowired
    MongoDatabase database;

    @Test
    void aCaseMarkedPendingIsReindexedByTheRepairAndItsMarkerCleared() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("REPA");
        CaseFile file = CaseFiles.aRegisteredCase().named("Ruth", "Kabila").registeredBy(cases, worker);
        index.commit();
        // a write stored in MongoDB whose index update was lost in a crash: data changed, marker still set
        collection().updateOne(eq("_id", file.id()), Updates.combine(
                Updates.set("sections.registration.data.given_name", "Rahel"), Updates.set("indexPending", true)));
        assertThat(names(worker)).containsExactly("Ruth Kabila");

        index.repair();

        assertThat(names(worker)).containsExactly("Rahel Kabila");
        assertThat(collection().find(eq("_id", file.id())).first().getBoolean("indexPending")).isFalse();
    }

    @Test
    void theIndexIsRebuiltWhenItHoldsFewerCasesThanMongoDb() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("REPB");
        CaseFile file = CaseFiles.aRegisteredCase().named("Esther", "Mbeki").registeredBy(cases, worker);
        Document copy = collection().find(eq("_id", file.id())).first();
        // a case MongoDB holds but the index never saw, without a marker (e.g. restored from a backup); stored
        // before sensitive fields were encrypted (encrypted values are bound to their case and would not decrypt in
        // a copy under another id)
        copy.put("_id", "restored-" + file.id());
        copy.put("sections", new Document("registration", new Document("formId", "registration")
                .append("formVersion", 1).append("data", new Document("given_name", "Esther")
                        .append("family_name", "Mbeki").append("sex", "female"))));
        copy.put("caseNumber", file.caseNumber() + "-R");
        copy.put("indexPending", false);
        collection().insertOne(copy);

        index.repair();

        assertThat(names(worker)).containsExactly("Esther Mbeki", "Esther Mbeki");
    }

    @Test
    void everyCommittedWriteLeavesNoCaseMarkedPending() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("REPC");
        CaseFile file = CaseFiles.aRegisteredCase().registeredBy(cases, worker);
        cases.addNote(worker, file.id(), null, "Visited school");

        index.commit();

        assertThat(collection().find(eq("_id", file.id())).first().getBoolean("indexPending")).isFalse();
    }

    private List<String> names(KinshipUser worker) {
        return lists.list(worker, CaseQuery.all()).items().stream().map(CaseSummary::name).toList();
    }

    private MongoCollection<Document> collection() {
        return database.getCollection("cases");
    }
}
