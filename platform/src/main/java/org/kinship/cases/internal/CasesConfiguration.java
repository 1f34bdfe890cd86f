package org.kinship.cases.internal;

import java.util.List;
import java.util.Set;

import org.kinship.cases.CaseAccessPolicy;
import org.kinship.security.RecordScope;
import org.kinship.cases.CaseSectionValidator;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.SectionValidation;
import org.kinship.security.DefaultRoles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Default implementations of the case ports, replaced by the forms and security features' adapters when
 * those define a bean of the port type.
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

    /**
     * Administrators: every case. Supervisors: their agency's. Case workers: what they own or are assigned.
     * Every action has the same scope; other roles reach no case.
     */
    @Bean
    @ConditionalOnMissingBean
    CaseAccessPolicy roleBasedCaseAccessPolicy() {
        return (user, action) -> {
            if (user.hasRole(DefaultRoles.ADMINISTRATOR)) {
                return new RecordScope(RecordScope.Level.ALL, user.id(), Set.of(), user.agencyCode());
            }
            if (user.hasRole(DefaultRoles.SUPERVISOR)) {
                return new RecordScope(RecordScope.Level.AGENCY, user.id(), Set.of(), user.agencyCode());
            }
            if (user.hasRole(DefaultRoles.CASE_WORKER)) {
                return new RecordScope(RecordScope.Level.OWN, user.id(), Set.of(), user.agencyCode());
            }
            return RecordScope.none(user.id());
        };
    }

}
