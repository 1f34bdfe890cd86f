package org.kinship;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.TestComponent;

/**
 * The Spring Boot configuration of platform, workflows and form-templates tests (the runnable application
 * lives in ui). Marked as a test component so that the ui application's component scan skips it.
 */
@SpringBootApplication
@TestComponent
public class PlatformTestApplication {
}
