package org.kinship.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseAttachment;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFlag;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.FieldChange;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.SectionAccess;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@PlatformIntegrationTest
class CaseFileViewTests extends SpringBrowserlessTest {

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseAttachmentService attachments;

    @Autowired
    RecordModuleService modules;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    RoleService roles;

    @Autowired
    UserAccountService accounts;

    /** A role that may view and edit its agency's cases, without case:view_sensitive, limited per section. */
    private static final String SECTION_READER = "section_reader";

    @BeforeEach
    void standardForms() {
        StandardCaseModule.use(modules, forms, lookups);
    }

    @Test
    @WithKinshipUser(username = "file.editor", agency = "FILEA")
    void aSectionIsEditedAndSavedAndTheHistoryShowsWhoChangedWhat() {
        CaseFile file = register("Amina", "Kabila");
        CaseFileView view = open(file);
        assertThat($(Span.class).id("case-details").getText()).contains(file.caseNumber(), "Female");

        SectionPanel registration = view.section("registration");
        $(Button.class).id("section-edit-registration").click();
        test($(TextField.class).id("field-properties-family_name")).setValue("Kabila-Moyo");
        $(Button.class).id("section-save-registration").click();

        CaseFile stored = cases.get(signedIn(), file.id());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.section("registration").orElseThrow().data()).containsEntry("family_name", "Kabila-Moyo")
                .containsEntry("given_name", "Amina");
        assertThat(registration.editing()).isFalse();
        assertThat($(Span.class).id("case-message").getText()).isEqualTo("Saved. The case is now at version 2.");

        select(view, view.history());
        var history = test(view.history().grid());
        assertThat(history.getCellText(0, history.getColumnPosition("what"))).isEqualTo("Registration › Family name");
        assertThat(history.getCellText(0, history.getColumnPosition("old"))).isEqualTo("Kabila");
        assertThat(history.getCellText(0, history.getColumnPosition("new"))).isEqualTo("Kabila-Moyo");
        assertThat(history.getCellText(0, history.getColumnPosition("who"))).isEqualTo("Test file.editor");
    }

    @Test
    @WithKinshipUser(username = "file.assessor", agency = "FILEB")
    void anotherSectionIsFilledFromItsOwnFormAndSetsTheRiskLevel() {
        CaseFile file = register("Yusuf", "Ali");
        CaseFileView view = open(file);

        select(view, view.section("initial_assessment"));
        SectionPanel assessment = view.section("initial_assessment");
        assessment.edit();
        assessment.renderer().setData(Map.of("assessment_date", "2026-01-10", "protection_concerns", List.of("neglect"),
                "risk_level", "high"));
        $(Button.class).id("section-save-initial_assessment").click();

        CaseFile stored = cases.get(signedIn(), file.id());
        assertThat(stored.riskLevel()).isEqualTo("high");
        assertThat($(Span.class).id("case-message").getText()).startsWith("Saved.");
        assertThat(view.getElement().toString()).isNotEmpty();
    }

    @Test
    @WithKinshipUser(username = "file.invalid", agency = "FILEI")
    void aSectionWithAProblemIsNotSavedAndTheProblemShowsAtTheField() {
        CaseFile file = register("Sara", "Kamal");
        CaseFileView view = open(file);
        $(Button.class).id("section-edit-registration").click();
        test($(TextField.class).id("field-properties-given_name")).setValue("");

        $(Button.class).id("section-save-registration").click();

        assertThat($(TextField.class).id("field-properties-given_name").isInvalid()).isTrue();
        assertThat(view.section("registration").editing()).isTrue();
        assertThat(cases.get(signedIn(), file.id()).version()).isEqualTo(1);
    }

    @Test
    @WithKinshipUser(username = "file.conflict", agency = "FILEC")
    void aStaleSaveShowsWhatChangedAndTheWorkerReappliesTheirEdit() {
        CaseFile file = register("Omar", "Haddad");
        CaseFileView view = open(file);
        $(Button.class).id("section-edit-registration").click();
        test($(TextField.class).id("field-properties-family_name")).setValue("Haddad-Saleh");

        cases.editSection(signedIn(), file.id(), 1, "registration", Map.of("given_name", "Omer"), Locale.ENGLISH);
        $(Button.class).id("section-save-registration").click();

        ConflictPanel conflict = $(ConflictPanel.class).single();
        assertThat(conflict.lines()).containsExactly(
                "Registration › Given name: Omar → Omer (by Test file.conflict, " + conflictDate(conflict) + ")");
        assertThat(cases.get(signedIn(), file.id()).section("registration").orElseThrow().data())
                .containsEntry("family_name", "Haddad");

        $(Button.class).id("conflict-reapply").click();
        assertThat($(TextField.class).id("field-properties-given_name").getValue()).isEqualTo("Omer");
        assertThat($(TextField.class).id("field-properties-family_name").getValue()).isEqualTo("Haddad-Saleh");
        $(Button.class).id("section-save-registration").click();

        CaseFile stored = cases.get(signedIn(), file.id());
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.section("registration").orElseThrow().data()).containsEntry("given_name", "Omer")
                .containsEntry("family_name", "Haddad-Saleh");
        List<FieldChange> history = cases.history(signedIn(), file.id());
        assertThat(history).filteredOn(change -> change.version() == 3).extracting(FieldChange::path)
                .containsExactly("registration/family_name");
    }

    @Test
    @WithKinshipUser(username = "file.notes", agency = "FILEN")
    void notesAreAddedAndFlagsRaisedAndResolved() {
        CaseFile file = register("Leila", "Nour");
        CaseFileView view = open(file);
        select(view, view.notes());

        view.notes().text.setValue("Met the child at the shelter.");
        $(Button.class).id("note-add").click();
        select(view, view.flags());
        view.flags().reason.setValue("Missing from the shelter since Monday");
        $(Button.class).id("flag-add").click();

        CaseFile flagged = cases.get(signedIn(), file.id());
        assertThat(flagged.notes()).singleElement().satisfies(note -> assertThat(note.text())
                .isEqualTo("Met the child at the shelter."));
        CaseFlag flag = flagged.flags().getFirst();
        assertThat(flag.reason()).isEqualTo("Missing from the shelter since Monday");
        assertThat(view.notes().count()).isEqualTo(1);

        $(TextField.class).id("flag-comment-" + flag.id()).setValue("Back at the shelter");
        $(Button.class).id("flag-resolve-" + flag.id()).click();

        CaseFlag resolved = cases.get(signedIn(), file.id()).flag(flag.id()).orElseThrow();
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.resolution()).isEqualTo("Back at the shelter");
        assertThat($(Button.class).all()).noneMatch(b -> ("flag-resolve-" + flag.id()).equals(b.getId().orElse("")));
    }

    @Test
    @WithKinshipUser(username = "file.empty.note", agency = "FILEE")
    void anEmptyNoteIsRefusedWithTheServicesReason() {
        CaseFile file = register("Adam", "Noor");
        CaseFileView view = open(file);
        select(view, view.notes());

        $(Button.class).id("note-add").click();

        assertThat($(Span.class).id("case-message").getText()).isEqualTo("Write a text: it must not be empty.");
        assertThat(cases.get(signedIn(), file.id()).notes()).isEmpty();
    }

    @Test
    @WithKinshipUser(username = "file.closer", role = "supervisor", agency = "FILEX")
    void aCaseIsClosedWithAReasonAndReopened() {
        CaseFile file = register("Hana", "Saeed");
        CaseFileView view = open(file);
        assertThat($(Button.class).id("section-edit-registration").isVisible()).isTrue();

        $(Button.class).id("case-status-button").click();
        $(CaseStatusDialog.class).single().reason.setValue("Reunified with her family");
        $(Button.class).id("case-status-confirm").click();

        CaseFile closed = cases.get(signedIn(), file.id());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closure().reason()).isEqualTo("Reunified with her family");
        assertThat($(Span.class).id("case-status").getText()).isEqualTo("Closed");
        assertThat(view.section("registration").offersEdit()).isFalse();
        assertThat($(Button.class).id("case-status-button").getText()).isEqualTo("Reopen case");

        $(Button.class).id("case-status-button").click();
        $(Button.class).id("case-status-confirm").click();

        assertThat(cases.get(signedIn(), file.id()).status()).isEqualTo(CaseStatus.OPEN);
        assertThat($(Span.class).id("case-status").getText()).isEqualTo("Open");
        assertThat(view.section("registration").offersEdit()).isTrue();
        assertThat(view.file().version()).isEqualTo(3);
    }

    @Test
    @WithKinshipUser(username = "file.closer.empty", role = "supervisor", agency = "FILEY")
    void closingWithoutAReasonIsRefusedInTheDialog() {
        CaseFile file = register("Rami", "Aziz");
        open(file);

        $(Button.class).id("case-status-button").click();
        $(Button.class).id("case-status-confirm").click();

        assertThat($(Span.class).id("case-status-problem").getText()).isEqualTo("Write a text: it must not be empty.");
        assertThat(cases.get(signedIn(), file.id()).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    @WithKinshipUser(username = "file.attacher", agency = "FILEP")
    void anUploadedImageIsListedShownInlineAndDownloadable() {
        CaseFile file = register("Nadia", "Amin");
        CaseFileView view = open(file);
        select(view, view.attachments());

        test($(Upload.class).id("attachment-upload")).upload("drawing.png", "image/png", new byte[] {(byte) 0x89, 'P',
                'N', 'G', 1, 2, 3});
        com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();

        CaseFile stored = cases.get(signedIn(), file.id());
        assertThat(stored.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("drawing.png");
            assertThat(a.contentType()).isEqualTo("image/png");
        });
        String id = stored.attachments().getFirst().id();
        assertThat($(Anchor.class).id("attachment-download-" + id).getText()).startsWith("drawing.png");
        assertThat($(Image.class).all()).anySatisfy(image -> assertThat(image.getAlt()).hasValue("drawing.png"));
        assertThat($(Span.class).id("case-message").getText()).isEqualTo("The file drawing.png is attached.");
    }

    @Test
    @WithKinshipUser(username = "file.photo", agency = "FILEQ")
    void theRegistrationPhotoIsShownInTheHeader() {
        CaseFile file = register("Samir", "Aziz");
        CaseAttachment photo = attachments.attach(signedIn(), file.id(), "samir.jpg", "image/jpeg",
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));
        cases.editSection(signedIn(), file.id(), 2, "registration", Map.of("photo", photo.id()), Locale.ENGLISH);

        open(file);

        assertThat($(Image.class).id("case-photo").getAlt()).hasValue("Photo of the child");
    }

    @Test
    @WithKinshipUser(username = "file.arabic", agency = "FILER")
    void theCaseFileReadsInArabicRightToLeft() {
        CaseFile file = register("Huda", "Salem");
        com.vaadin.flow.component.UI.getCurrent().setLocale(org.kinship.i18n.SupportedLocales.ARABIC);

        CaseFileView view = open(file);

        assertThat($(Span.class).id("case-status").getText()).isEqualTo("مفتوحة");
        assertThat(view.tabs().getTabAt(view.tabs().getTabCount() - 1).getLabel()).isEqualTo("السجل");
        assertThat(view.section("registration").renderer().getElement().getAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    void aRolesSectionAccessDecidesEditReadOnlyAndHiddenAndNamesAreMaskedWithoutViewSensitive() {
        sectionReaderModule();
        KinshipUser worker = StandardCaseModule.user(accounts, "access.owner", DefaultRoles.CASE_WORKER, "ACCESSA");
        CaseFile file = cases.register(worker, StandardCaseModule.MODULE,
                StandardCaseModule.child("Layla", "Hassan", "female"), Locale.ENGLISH);
        StandardCaseModule.signIn(StandardCaseModule.user(accounts, "access.reader", SECTION_READER, "ACCESSA"));
        try {
            CaseFileView view = open(file);

            assertThat(view.section("case_plan")).isNull();
            assertThat(tabIds(view)).contains("tab-registration", "tab-initial_assessment").doesNotContain("tab-case_plan");
            SectionPanel assessment = view.section("initial_assessment");
            select(view, assessment);
            assertThat(assessment.offersEdit()).isFalse();
            assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("section-read-only-initial_assessment")
                    .isVisible()).isTrue();

            assertThat($(com.vaadin.flow.component.html.H2.class).id("case-name").getText())
                    .isEqualTo("Name hidden for your role");
            assertThat($(Span.class).id("case-details").getText()).contains(file.caseNumber(), "Female")
                    .doesNotContain("Layla");
            SectionPanel registration = view.section("registration");
            select(view, registration);
            assertThat(registration.offersEdit()).isTrue();
            assertThat(registration.masked()).contains("given_name", "family_name").doesNotContain("sex");
            TextField given = $(TextField.class).id("masked-given_name");
            assertThat(given.getValue()).isEqualTo("Hidden for your role");
            assertThat(given.isReadOnly()).isTrue();
            assertThat(view.getElement().getOuterHTML()).doesNotContain("Layla").doesNotContain("Hassan");

            registration.edit();
            assertThat($(TextField.class).id("masked-given_name").isReadOnly()).isTrue();
            assertThat(registration.renderer().getData()).doesNotContainKeys("given_name", "family_name");
            Map<String, Object> changed = new java.util.HashMap<>(registration.renderer().getData());
            changed.put("separation_status", "unaccompanied");
            registration.renderer().setData(changed);
            $(Button.class).id("section-save-registration").click();

            assertThat($(Span.class).id("case-message").getText()).startsWith("Saved.");
            assertThat(cases.get(worker, file.id()).section("registration").orElseThrow().data())
                    .containsEntry("given_name", "Layla").containsEntry("family_name", "Hassan")
                    .containsEntry("separation_status", "unaccompanied");
            assertThat($(com.vaadin.flow.component.html.H2.class).id("case-name").getText())
                    .isEqualTo("Name hidden for your role");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    @WithKinshipUser(username = "access.closed", role = DefaultRoles.SUPERVISOR, agency = "ACCESSC")
    void aClosedCaseIsReadOnlyInEverySection() {
        CaseFile file = register("Nadia", "Saleh");
        cases.close(signedIn(), file.id(), null, "Reunified with her family");
        CaseFileView view = open(file);

        assertThat(view.section("registration").offersEdit()).isFalse();
        assertThat(view.section("initial_assessment").offersEdit()).isFalse();
        assertThat($(com.vaadin.flow.component.html.H2.class).id("case-name").getText()).isEqualTo("Nadia Saleh");
    }

    /** The reader may only read the assessment and does not see the case plan at all. */
    private void sectionReaderModule() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        if (roles.role(SECTION_READER).isEmpty()) {
            roles.create(admin, SECTION_READER, Map.of("en", "Section reader"),
                    Set.of(Permission.of(Resource.CASE, Action.VIEW, Scope.AGENCY),
                            Permission.of(Resource.CASE, Action.EDIT, Scope.AGENCY)));
        }
        RecordModule module = modules.find(StandardCaseModule.MODULE).orElseThrow();
        if (module.section("case_plan").orElseThrow().accessFor(SECTION_READER) == SectionAccess.HIDDEN) {
            return;
        }
        List<ModuleSection> sections = module.sections().stream().map(section -> switch (section.id()) {
            case "initial_assessment" -> section.withAccess(SECTION_READER, SectionAccess.READ);
            case "case_plan" -> section.withAccess(SECTION_READER, SectionAccess.HIDDEN);
            default -> section;
        }).toList();
        modules.save(new RecordModule(module.id(), module.recordType(), module.name(), sections,
                module.registrationSection(), module.numberPattern(), module.workflow(), module.indexedFields(),
                module.version()));
    }

    private static List<String> tabIds(CaseFileView view) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < view.tabs().getTabCount(); i++) {
            view.tabs().getTabAt(i).getId().ifPresent(ids::add);
        }
        return ids;
    }

    private void select(CaseFileView view, com.vaadin.flow.component.Component content) {
        test(view.tabs()).select(view.tabs().getIndexOf(view.tabs().getTab(content)));
        // the tab sheet attaches the selected content before the response to the browser
        com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();
    }

    private String conflictDate(ConflictPanel conflict) {
        String line = conflict.lines().getFirst();
        return line.substring(line.indexOf(", ") + 2, line.length() - 1);
    }

    private CaseFile register(String given, String family) {
        return cases.register(signedIn(), StandardCaseModule.MODULE, StandardCaseModule.child(given, family, "female"),
                Locale.ENGLISH);
    }

    private CaseFileView open(CaseFile file) {
        return navigate("cases/" + file.id(), CaseFileView.class);
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
