package org.kinship.templates.internal;

import org.kinship.templates.TemplateSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link TemplateSettings} ({@code kinship.templates.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemplateSettings.class)
class TemplatesConfiguration {
}
