package org.kinship.shared.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The platform's own defaults (Flowable, actuator, sessions). They have the lowest precedence: the
 * application's {@code application.properties} and environment variables override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:kinship-platform.properties")
class PlatformDefaults {
}
