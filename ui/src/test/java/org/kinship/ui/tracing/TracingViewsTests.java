package org.kinship.ui.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.ui.cases.StandardCaseModule;
import org.kinship.cases.CaseTestUsers;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.tracing.CandidateView;
import org.kinship.tracing.DuplicatePair;
import org.kinship.tracing.MatchField;
import org.kinship.tracing.MatchLabel;
import org.kinship.tracing.MatchingJobService;
import org.kinship.tracing.PersonHit;
import org.kinship.tracing.ReviewState;
import org.kinship.tracing.TracingFixtures;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingRequestService;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class TracingViewsTests extends SpringBrowserlessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The standard forms and lookups, published in the ui tests' shared context. */
    @org.junit.jupiter.api.BeforeEach
    void standardForms() {
        StandardCaseModule.use(context);
        // the places of the tracing test request form, also as places of the standard registration (the PLACE
        // evidence must be able to agree)
        org.kinship.forms.LookupService lookupService = context.getBean(org.kinship.forms.LookupService.class);
        org.kinship.forms.Lookup places = lookupService.get("locations");
        if (places.values().stream().noneMatch(v -> v.value().equals("td-adre"))) {
            java.util.List<org.kinship.forms.LookupValue> values = new java.util.ArrayList<>(places.values());
            values.add(org.kinship.forms.LookupValue.of("td", Map.of("en", "Chad")));
            values.add(new org.kinship.forms.LookupValue("td-ouaddai", Map.of("en", "Ouaddai"), false, "td"));
            values.add(new org.kinship.forms.LookupValue("td-adre", Map.of("en", "Adre"), false, "td-ouaddai"));
            values.add(new org.kinship.forms.LookupValue("td-farchana", Map.of("en", "Farchana"), false,
                    "td-ouaddai"));
            lookupService.update(new org.kinship.forms.Lookup(places.id(), places.name(), values,
                    places.version()), java.util.Locale.ENGLISH);
        }
    }

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseFileService cases;

    @Autowired
    ConsentService consent;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    TracingRequestService requests;

    @Autowired
    MatchingJobService jobs;

    @BeforeEach
    void publishForm() {
        TracingFixtures.publishTracingRequestForm(forms, lookups);
    }

    @Test
    @WithKinshipUser(username = "tracing.supervisor", role = DefaultRoles.SUPERVISOR, agency = "VTR")
    void aSupervisorCreatesARequestReviewsTheCandidatesSideBySideRejectsOneAndConfirmsTheOther() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("VTR");
        CaseFile wrong = consenting(StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Mustafa", "Hussein").ofSex("male").aged(10)
                .livingIn("td-adre").with("caregiver_name", "Fatima Ibrahim"), cases, worker), worker);
        CaseFile right = consenting(StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Mostafa", "Housein").ofSex("male").aged(10)
                .livingIn("td-adre").with("caregiver_name", "Fatima Ibrahim"), cases, worker), worker);

        TracingRequestCreateView create = navigate(TracingRequestCreateView.class);
        assertThat(create.save()).isNull();
        assertThat(create.problemText()).contains("The request was not saved");
        create.form.setData(Map.of("inquirer_name", "Fatouma Brahim", "sought_children",
                List.of(Map.of("name", "Moustapha Houssein", "sex", "male", "age", 10, "separation_place", "td-adre"))));
        TracingRequest saved = create.save();
        assertThat(saved).isNotNull();

        TracingRequestView view = navigate("tracing-requests/" + saved.id(), TracingRequestView.class);
        CandidatesPanel panel = view.candidates;
        assertThat(panel.shown()).extracting(CandidateView::recordId).containsExactlyInAnyOrder(wrong.id(), right.id());
        assertThat(panel.shown()).allSatisfy(c -> assertThat(c.label()).isEqualTo(MatchLabel.LIKELY));
        CandidateView first = panel.shown().stream().filter(c -> c.recordId().equals(wrong.id())).findFirst().orElseThrow();
        panel.grid.select(first);
        assertThat(panel.comparison.getGenericDataView().getItems().toList()).hasSize(MatchField.values().length);

        panel.rejectSelected();
        assertThat(panel.comment.isInvalid()).isTrue();
        panel.comment.setValue("Different mother's name on the registration");
        panel.rejectSelected();
        assertThat(panel.shown()).extracting(CandidateView::recordId).containsExactly(right.id());

        panel.grid.select(panel.shown().getFirst());
        panel.comment.setValue("Mother recognised the photo");
        panel.confirmSelected();
        assertThat(panel.shown().getFirst().state()).isEqualTo(ReviewState.CONFIRMED);
        TracingRequestView reloaded = navigate("tracing-requests/" + saved.id(), TracingRequestView.class);
        assertThat(reloaded.linksText()).contains(right.caseNumber());

        TracingRequestsView list = navigate(TracingRequestsView.class);
        assertThat(list.shown()).extracting(TracingRequest::id).contains(saved.id());
        CaseMatchesView caseMatches = navigate("cases/" + right.id() + "/matches", CaseMatchesView.class);
        assertThat(caseMatches.candidates.shown()).extracting(CandidateView::recordId).containsExactly(saved.id());
    }

    @Test
    @WithKinshipUser(username = "tracing.searcher", role = DefaultRoles.SUPERVISOR, agency = "VTS")
    void thePersonSearchFindsArabicSpellingsWithinTheScope() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("VTS");
        CaseFile child = StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Youssef", "Ibrahim"), cases, worker);
        StandardCaseModule.registered(CaseFiles.aRegisteredCase().named("Youssef", "Ibrahim"), cases,
                new CaseTestUsers(accounts).worker("ELSEWHERE"));

        PersonSearchView search = navigate(PersonSearchView.class);
        search.query.setValue("يوسف إبراهيم");
        search.search();

        assertThat(search.shown()).extracting(PersonHit::recordId).containsExactly(child.id());
    }

    @Test
    @WithKinshipUser(username = "tracing.admin", role = DefaultRoles.ADMINISTRATOR)
    void anAdministratorTunesThresholdsRematchesAndMarksDuplicatesFoundByTheScan() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("VTD");
        CaseFile one = StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Aïcha", "Mahamat").ofSex("female").aged(6)
                .livingIn("td-farchana").with("caregiver_name", "Zenaba Mahamat"), cases, worker);
        CaseFile two = StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Aisha", "Mahamat").ofSex("female").aged(6)
                .livingIn("td-farchana").with("caregiver_name", "Zenaba Mahamat"), cases, worker);

        MatchingSettingsView settings = navigate(MatchingSettingsView.class);
        assertThat(settings.likely.getValue()).isEqualTo(28.0);
        settings.possible.setValue(30.0);
        assertThat(settings.save()).isFalse();
        settings.possible.setValue(12.0);
        settings.likely.setValue(25.0);
        assertThat(settings.save()).isTrue();
        assertThat(navigate(MatchingSettingsView.class).likely.getValue()).isEqualTo(25.0);
        settings.likely.setValue(28.0);
        assertThat(settings.save()).isTrue();
        assertTunable(settings, view -> view.frequencyStrength, 1.0, 2.0, 0.5);
        // the bits of each agreeing name part beyond two (ADR 0032)
        assertTunable(settings, view -> view.furtherPart, 4.6, -1.0, 3.0);
        settings.rebuild();
        assertThat(jobs.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(settings.progressText()).startsWith("Done:");

        DuplicateScanView scan = navigate(DuplicateScanView.class);
        scan.scan();
        assertThat(jobs.awaitIdle(Duration.ofSeconds(60))).isTrue();
        scan.refresh();
        DuplicatePair pair = scan.shown().stream().filter(p -> List.of(p.leftCaseId(), p.rightCaseId())
                .containsAll(List.of(one.id(), two.id()))).findFirst().orElseThrow();
        assertThat(pair.leftCaseNumber()).isIn(one.caseNumber(), two.caseNumber());
        scan.comment.setValue("Registered twice by two teams");
        scan.mark(pair);
        assertThat(scan.shown()).extracting(DuplicatePair::matchId).doesNotContain(pair.matchId());
    }

    @Test
    @WithKinshipUser(username = "tracing.worker", role = DefaultRoles.CASE_WORKER, agency = "VTW")
    void caseWorkersDoNotSeeTheMatchingAdministration() {
        navigate(TracingRequestsView.class);
        assertThat(getCurrentView()).isInstanceOf(TracingRequestsView.class);
        navigate("admin/matching", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(MatchingSettingsView.class);
        assertThat(requests.list(accounts.findByUsername("tracing.worker").map(KinshipUser::of).orElseThrow(), 0, 10)
                .items()).isEmpty();
    }

    @Test
    @WithKinshipUser(username = "tracing.merger", role = DefaultRoles.SUPERVISOR, agency = "VTM")
    void aSupervisorMergesADuplicateFromTheCaseReviewChoosingAValuePerField() {
        KinshipUser worker = new CaseTestUsers(accounts).worker("VTM");
        CaseFile kept = StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Halima", "Abakar").ofSex("female").aged(8)
                .livingIn("td-farchana").with("caregiver_name", "Achta Abakar"), cases, worker);
        CaseFile twice = StandardCaseModule.registered(
                CaseFiles.aRegisteredCase().named("Halimé", "Abakar").ofSex("female").aged(9)
                .livingIn("td-farchana").with("caregiver_name", "Achta Abakar"), cases, worker);
        cases.addNote(worker, twice.id(), null, "Registered again at the second site.");

        CaseMatchesView view = navigate("cases/" + kept.id() + "/matches", CaseMatchesView.class);
        CandidatesPanel duplicates = view.duplicates;
        CandidateView candidate = duplicates.shown().stream().filter(c -> c.recordId().equals(twice.id()))
                .findFirst().orElseThrow();
        duplicates.grid.select(candidate);
        assertThat(duplicates.merge.isVisible()).isTrue();
        duplicates.merge.click();

        MergeDialog dialog = view.mergeDialog;
        assertThat(dialog.choices.keySet()).contains("registration/given_name", "registration/estimated_age");
        dialog.choices.get("registration/estimated_age").setValue(org.kinship.cases.CaseMergeService.Side.DUPLICATE);
        cases.addNote(worker, kept.id(), null, "A colleague wrote in the meantime.");
        assertThat(dialog.submit()).isNull();
        assertThat(dialog.problemText()).contains("changed by someone else");
        assertThat(cases.get(worker, twice.id()).isOpen()).isTrue();

        duplicates.merge.click();
        MergeDialog fresh = view.mergeDialog;
        fresh.choices.get("registration/estimated_age").setValue(org.kinship.cases.CaseMergeService.Side.DUPLICATE);
        CaseFile merged = fresh.submit();
        assertThat(merged).isNotNull();
        assertThat(merged.value("given_name")).hasValue("Halima");
        assertThat(((Number) merged.value("estimated_age").orElseThrow()).intValue()).isEqualTo(9);
        assertThat(merged.notes()).extracting(org.kinship.cases.CaseNote::text)
                .contains("Registered again at the second site.");
        assertThat(cases.get(worker, twice.id()).isOpen()).isFalse();
        assertThat(view.duplicates.shown()).extracting(CandidateView::recordId).doesNotContain(twice.id());
    }

    private CaseFile consenting(CaseFile file, KinshipUser worker) {
        consent.record(worker, file.id(), Map.of(ConsentPurpose.TRACING, ConsentDecision.GIVEN),
                DataProtectionWishes.NONE, 0);
        return file;
    }


    /**
     * A name weight field of the settings screen shows its value, refuses an invalid one, stores a valid one (seen
     * on the next visit), and is set back.
     */
    private void assertTunable(MatchingSettingsView settings,
            java.util.function.Function<MatchingSettingsView, com.vaadin.flow.component.textfield.NumberField> field,
            double current, double invalid, double tuned) {
        assertThat(field.apply(settings).getValue()).isEqualTo(current);
        field.apply(settings).setValue(invalid);
        assertThat(settings.save()).isFalse();
        field.apply(settings).setValue(tuned);
        assertThat(settings.save()).isTrue();
        assertThat(field.apply(navigate(MatchingSettingsView.class)).getValue()).isEqualTo(tuned);
        field.apply(settings).setValue(current);
        assertThat(settings.save()).isTrue();
    }
}
