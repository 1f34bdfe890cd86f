package org.kinship.cases;

import org.kinship.PlatformTestApplication;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The platform as its own process, for tests that kill it ({@link CaseCrashIntegrationTests}). The test form set
 * ({@link CaseForms}) is published while the context starts, before the HTTP port answers.
 */
public final class CrashTestServer {

    private CrashTestServer() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PlatformTestApplication.class);
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean(CaseFormsAtStart.class));
        application.run(args);
    }

    /** Publishes the test form set once every bean exists (the web server starts after). */
    static final class CaseFormsAtStart implements SmartInitializingSingleton {

        private final FormDefinitionService forms;
        private final LookupService lookups;

        CaseFormsAtStart(FormDefinitionService forms, LookupService lookups) {
            this.forms = forms;
            this.lookups = lookups;
        }

        @Override
        public void afterSingletonsInstantiated() {
            CaseForms.publish(forms, lookups);
        }
    }
}
