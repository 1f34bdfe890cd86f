package org.kinship.cases.internal;

import java.util.List;

import org.kinship.cases.CaseSectionValidator;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.SectionValidation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default section validator (structure only), replaced by the forms engine's adapter when one is defined.
 * Case access always comes from the roles' permissions ({@link PermissionCaseAccessPolicy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseSettings.class)
class CasesConfiguration {

    /** Structure only (the guard has run before): the data is stored as submitted. */
    @Bean
    @ConditionalOnMissingBean
    CaseSectionValidator structuralSectionValidator() {
        return (section, data, previous, locale) -> new SectionValidation(data, List.of());
    }
}
