package org.kinship.cases.internal;

import org.kinship.cases.CaseSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Case settings. Section data is validated by the forms engine ({@link FormSectionValidator}); case access always
 * comes from the roles' permissions ({@link PermissionCaseAccessPolicy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseSettings.class)
class CasesConfiguration {
}
