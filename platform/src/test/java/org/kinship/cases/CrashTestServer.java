package org.kinship.cases;

import org.kinship.PlatformTestApplication;
import org.springframework.boot.SpringApplication;

/** The platform as its own process, for tests that kill it ({@link CaseCrashIntegrationTests}). */
public final class CrashTestServer {

    private CrashTestServer() {
    }

    public static void main(String[] args) {
        SpringApplication.run(PlatformTestApplication.class, args);
    }
}
