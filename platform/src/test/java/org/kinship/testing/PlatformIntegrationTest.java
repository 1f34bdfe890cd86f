package org.kinship.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Every Spring integration test of the platform starts the same way: the embedded MongoDB server in memory,
 * Flowable on in-memory H2 with its async executor off (tests move the clock and run jobs themselves),
 * Lucene indexes in memory, a real HTTP port, and a {@link MutableClock}. Bundled template packages are not
 * installed at start (a test that wants them sets {@code kinship.templates.install-standard-set=true}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "kinship.embedded-in-memory=true",
        "kinship.admin.password=" + PlatformIntegrationTest.ADMIN_PASSWORD,
        "flowable.async-executor-activate=false",
        "kinship.templates.install-standard-set=false",
        "logging.level.org.flowable=WARN"})
@Import(TestClockConfiguration.class)
public @interface PlatformIntegrationTest {

    /** The first administrator's user name and password in every integration test. */
    String ADMIN = "admin";
    String ADMIN_PASSWORD = "Kivu-Lantern-Test-42";
}
