package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.shared.Ids;
import org.kinship.shared.StaleVersionException;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Service level: drafts, versions, and data of every field kind surviving a round trip through MongoDB. */
@PlatformIntegrationTest
@RecordApplicationEvents
class FormStorageIntegrationTests {

    /** What a case file will store per form section: the version it was filled with and the data. */
    record FilledForm(String id, FormVersionRef form, Map<String, Object> data) {
    }

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    MongoDatabase database;

    @Autowired
    DocumentMapper mapper;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void setUp() {
        clock.set(java.time.Instant.parse("2026-11-21T10:00:00Z"));
        for (Lookup lookup : FormDefinitions.lookupList()) {
            if (lookups.findLookup(lookup.id()).isEmpty()) {
                lookups.create(lookup, Locale.ENGLISH);
            }
        }
    }

    @Test
    void dataOfEveryFieldKindIsValidatedStoredAndReadBackUnchanged() {
        forms.create(FormDefinitions.aRegistrationForm("stored").json(), "admin", Locale.ENGLISH);
        FormVersionRef ref = forms.publish("stored", "admin", Locale.ENGLISH).ref();
        ValidatedData validated = forms.validateData(ref, FormDataValidatorTests.aRegistration(), null, Locale.ENGLISH);
        assertThat(validated.problems()).isEmpty();
        MongoCollection<Document> collection = database.getCollection("test_filled_forms");
        FilledForm filled = new FilledForm(Ids.newId(), ref, validated.data());

        collection.insertOne(mapper.toDocument(filled));
        FilledForm readBack = mapper.fromDocument(collection.find(new Document("_id", filled.id())).first(), FilledForm.class);

        assertThat(readBack.form()).isEqualTo(ref);
        assertThat(readBack.data()).isEqualTo(validated.data());
        assertThat(readBack.data()).containsEntry("age", 12L).containsEntry("height_cm", 132.5)
                .containsEntry("separated", true).containsEntry("dob", "2014-03")
                .containsEntry("consent_signature", "attachment-4");
        ValidatedData again = forms.validateData(readBack.form(), readBack.data(), readBack.data(), Locale.ENGLISH);
        assertThat(again.problems()).isEmpty();
        assertThat(again.data()).isEqualTo(readBack.data());
    }

    @Test
    void publishingANewVersionNeverChangesAnOlderOne() {
        FormDefinitions.Builder form = FormDefinitions.aForm("immutable");
        forms.create(form.json(), "admin", Locale.ENGLISH);
        FormVersion first = forms.publish("immutable", "admin", Locale.ENGLISH);
        forms.updateDraft("immutable", form.title("Second title").json(), 1L, "admin", Locale.ENGLISH);

        FormVersion second = forms.publish("immutable", "admin", Locale.ENGLISH);

        assertThat(second.version()).isEqualTo(2);
        assertThat(events.stream(FormPublished.class)).extracting(FormPublished::form)
                .containsExactly(first.ref(), second.ref());
        assertThat(forms.version(first.ref())).isEqualTo(first);
        assertThat(forms.version(first.ref()).schema().title()).isEqualTo("Form immutable");
        assertThat(forms.versions("immutable")).extracting(FormVersion::version).containsExactly(1, 2);
    }

    @Test
    void aDraftSavedByTwoPeopleKeepsTheFirstAndRefusesTheSecond() {
        FormDefinitions.Builder form = FormDefinitions.aForm("locked");
        forms.create(form.json(), "admin", Locale.ENGLISH);
        forms.updateDraft("locked", form.title("Amina's change").json(), 1L, "amina", Locale.ENGLISH);

        assertThatThrownBy(() -> forms.updateDraft("locked", form.title("Omar's change").json(), 1L, "omar",
                Locale.ENGLISH)).isInstanceOf(StaleVersionException.class);
        assertThat(forms.draft("locked").schema().title()).isEqualTo("Amina's change");
        assertThat(forms.draft("locked").version()).isEqualTo(2);
    }

    @Test
    void anInvalidDraftIsNotStoredAndTheFormIdCannotChange() {
        FormDefinitions.Builder form = FormDefinitions.aForm("kept");
        forms.create(form.json(), "admin", Locale.ENGLISH);

        assertThatThrownBy(() -> forms.updateDraft("kept", form.annotate("full_name", "kind", "x").json(), null, "admin",
                Locale.ENGLISH)).isInstanceOf(InvalidFormDefinitionException.class);
        assertThatThrownBy(() -> forms.updateDraft("kept", FormDefinitions.aForm("other").json(), null, "admin",
                Locale.ENGLISH)).isInstanceOf(InvalidFormDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidFormDefinitionException) e).problems())
                        .extracting(FormProblem::path).containsExactly("/x-kinship/formId"));
        assertThat(forms.draft("kept").version()).isEqualTo(1);
    }
}
