package org.kinship.ui.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H4;
import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.kinship.workflow.ServiceLevel;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The service levels editor: hours per risk level and step, saved as a new version, a stale save refused. */
@PlatformIntegrationTest
class ServiceLevelsViewTests extends SpringBrowserlessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The standard forms and lookups, published in the ui tests' shared context (no second context). */
    @org.junit.jupiter.api.BeforeEach
    void standardForms() {
        org.kinship.ui.cases.StandardCaseModule.use(context);
    }

    @Autowired
    ServiceLevelService serviceLevels;

    @Test
    @WithKinshipUser(username = "sl.admin", role = DefaultRoles.ADMINISTRATOR, agency = "SLA")
    void anAdministratorChangesTheHoursAndAStaleSaveIsRefused() {
        ServiceLevelsView view = navigate(ServiceLevelsView.class);
        assertThat($(H4.class).id("sl-high-label").getText()).isNotBlank();
        long before = serviceLevels.current().version();

        test(view.field("high", 0)).setValue(36);
        test(view.field("high", 1)).setValue(96);
        view.field("medium", 0).setValue(72);
        view.field("medium", 1).setValue(240);
        view.field("low", 0).setValue(168);
        view.field("low", 1).setValue(720);
        $(Button.class).id("service-levels-save").click();

        ServiceLevels saved = serviceLevels.current();
        assertThat(saved.version()).isEqualTo(before + 1);
        assertThat(saved.forRisk("high")).hasValue(new ServiceLevel("high", 36, 96));
        assertThat(view.messageText()).isEqualTo("Saved: the service levels are now at version " + saved.version()
                + ".");

        List<ServiceLevel> meanwhile = new ArrayList<>(saved.targets());
        meanwhile.replaceAll(t -> t.riskLevel().equals("low") ? new ServiceLevel("low", 120, 600) : t);
        serviceLevels.update(signedIn(), saved.version(), meanwhile);
        view.field("high", 0).setValue(30);
        $(Button.class).id("service-levels-save").click();

        assertThat(view.messageText()).isEqualTo("The service levels were changed meanwhile (now version "
                + (saved.version() + 1) + "); reload and try again");
        assertThat(serviceLevels.current().forRisk("high")).hasValue(new ServiceLevel("high", 36, 96));
    }

    @Test
    @WithKinshipUser(username = "sl.half", role = DefaultRoles.ADMINISTRATOR, agency = "SLA")
    void aRiskLevelWithOnlyOneStepFilledIsNotSaved() {
        ServiceLevelsView view = navigate(ServiceLevelsView.class);
        long before = serviceLevels.current().version();
        view.field("medium", 0).clear();
        view.field("medium", 1).setValue(100);

        $(Button.class).id("service-levels-save").click();

        assertThat(view.messageText()).startsWith("Fill in both steps for ");
        assertThat(serviceLevels.current().version()).isEqualTo(before);
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
