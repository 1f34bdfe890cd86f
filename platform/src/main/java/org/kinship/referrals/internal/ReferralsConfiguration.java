package org.kinship.referrals.internal;

import org.kinship.referrals.ReferralSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralSettings.class)
class ReferralsConfiguration {
}
