package org.kinship.ui.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseFiles;
import org.kinship.ui.cases.StandardCaseModule;
import org.kinship.cases.CaseTestUsers;
import org.kinship.consent.ConsentDecision;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.consent.DataProtectionWishes;
import org.kinship.referrals.ProviderContact;
import org.kinship.referrals.ProviderDetails;
import org.kinship.referrals.Referral;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ReferralRequest;
import org.kinship.referrals.ReferralService;
import org.kinship.referrals.ReferralStatus;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class ReferralsViewTests extends SpringBrowserlessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The standard forms and lookups, published in the ui tests' shared context. */
    @org.junit.jupiter.api.BeforeEach
    void standardForms() {
        StandardCaseModule.use(context);
    }

    @Autowired
    UserAccountService accounts;
    @Autowired
    ServiceDirectory directory;
    @Autowired
    ReferralService referrals;
    @Autowired
    CaseFileService cases;
    @Autowired
    ConsentService consent;
    @Autowired
    MutableClock clock;

    @Test
    @WithKinshipUser(username = "referrals.view.recipient", role = DefaultRoles.CASE_WORKER, agency = "VIEWB")
    void theRecipientSeesAReceivedReferralAcceptsItAndMarksTheServiceDelivered() {
        Referral referral = referralTo("VIEWB", "referrals.view.recipient");
        ReferralsView view = navigate("referrals", ReferralsView.class);

        assertThat(view.shown()).extracting(Referral::id).contains(referral.id());
        assertThat(view.summaryText()).startsWith("Received: 1 to answer, 0 accepted, 0 overdue");
        assertThat(view.actionsFor(referral)).containsExactly("accept", "reject");
        view.accept(referral);
        Referral accepted = find(view, referral.id());
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(view.actionsFor(accepted)).containsExactly("done");
        view.done(accepted);

        view.filter(ReferralStatus.DONE);
        assertThat(view.shown()).extracting(Referral::id).contains(referral.id());
        view.filter(ReferralStatus.IN_PROGRESS);
        assertThat(view.shown()).extracting(Referral::id).doesNotContain(referral.id());
    }

    @Test
    @WithKinshipUser(username = "referrals.view.recipient2", role = DefaultRoles.CASE_WORKER, agency = "VIEWB")
    void aRejectionAsksForAReasonFirst() {
        Referral referral = referralTo("VIEWB", "referrals.view.recipient2");
        ReferralsView view = navigate("referrals", ReferralsView.class);

        ReasonDialog dialog = view.reject(referral);
        dialog.confirm();
        assertThat(dialog.reasonField().isInvalid()).isTrue();
        assertThat(find(view, referral.id()).status()).isEqualTo(ReferralStatus.IN_PROGRESS);

        dialog.reasonField().setValue("No places left this month");
        dialog.confirm();

        view.filter(ReferralStatus.REJECTED);
        assertThat(view.shown()).extracting(Referral::id).contains(referral.id());
    }

    @Test
    @WithKinshipUser(username = "referrals.view.sender", role = DefaultRoles.CASE_WORKER, agency = "VIEWA")
    void theSenderSeesSentReferralsOverdueResponsesAndRevokes() {
        KinshipUser sender = KinshipUser.of(accounts.findByUsername("referrals.view.sender").orElseThrow());
        KinshipUser recipient = new CaseTestUsers(accounts).worker("VIEWC");
        Referral referral = refer(sender, "VIEWC", recipient.username());
        ReferralsView view = navigate("referrals", ReferralsView.class);
        assertThat(view.shown()).extracting(Referral::id).doesNotContain(referral.id());

        view.showSent(true);
        assertThat(view.shown()).extracting(Referral::id).contains(referral.id());
        assertThat(view.overdue(referral)).isFalse();
        clock.advance(Duration.ofHours(30));
        assertThat(view.overdue(referral)).isTrue();
        view.filter(null);
        assertThat(view.summaryText()).endsWith("Sent: 1 open, 1 overdue");
        assertThat(view.actionsFor(referral)).containsExactly("revoke");

        view.revoke(referral).confirm();

        assertThat(find(view, referral.id()).status()).isEqualTo(ReferralStatus.REVOKED);
    }

    @Test
    @WithKinshipUser(username = "referrals.view.tile", role = DefaultRoles.CASE_WORKER, agency = "VIEWA")
    void theTilesLinkOpensThePageFilteredToOverdueResponsesOfTheSentBox() {
        KinshipUser sender = KinshipUser.of(accounts.findByUsername("referrals.view.tile").orElseThrow());
        Referral late = refer(sender, "VIEWD", new CaseTestUsers(accounts).worker("VIEWD").username());
        clock.advance(Duration.ofHours(30));
        Referral onTime = refer(sender, "VIEWD", new CaseTestUsers(accounts).worker("VIEWD").username());

        ReferralsView view = navigateWithQuery("box=sent&status=in_progress&overdue=true");

        assertThat(view.shown()).extracting(Referral::id).contains(late.id()).doesNotContain(onTime.id());
        assertThat(view.shown()).allMatch(view::overdue);
        ReferralsView all = navigateWithQuery("box=sent");
        assertThat(all.shown()).extracting(Referral::id).contains(late.id(), onTime.id());
    }

    /** Opens the page as a dashboard link does, with its filters in the address. */
    private ReferralsView navigateWithQuery(String query) {
        com.vaadin.flow.component.UI.getCurrent().navigate(ReferralsView.class,
                com.vaadin.flow.router.QueryParameters.fromString(query));
        return (ReferralsView) getCurrentView();
    }

    private Referral find(ReferralsView view, String id) {
        view.filter(null);
        return view.shown().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private Referral referralTo(String agency, String username) {
        return refer(new CaseTestUsers(accounts).worker("VIEWA"), agency, username);
    }

    private Referral refer(KinshipUser sender, String agency, String recipient) {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        try {
            directory.addServiceType(admin, "psychosocial", Map.of("en", "Psychosocial support"), Locale.ENGLISH);
        } catch (ReferralRefusedException e) {
            // added by an earlier test
        }
        String provider = directory.create(admin, new ProviderDetails("PSS " + agency, agency, List.of("psychosocial"),
                List.of("CD"), ProviderContact.NONE, null, null, Set.of(), Set.of(), 24, true), Locale.ENGLISH).id();
        String caseId = StandardCaseModule.registered(CaseFiles.aRegisteredCase(), cases, sender).id();
        consent.record(sender, caseId, Map.of(ConsentPurpose.SERVICES, ConsentDecision.GIVEN, ConsentPurpose.SHARING,
                ConsentDecision.GIVEN), DataProtectionWishes.NONE, 0);
        return referrals.refer(sender, caseId, new ReferralRequest("psychosocial", null, provider, recipient, null,
                null));
    }
}
