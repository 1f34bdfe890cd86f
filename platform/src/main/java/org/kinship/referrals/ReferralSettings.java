package org.kinship.referrals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Referral settings ({@code kinship.referrals.*}).
 *
 * @param defaultResponseHours the response target of a referral to a user without a provider
 *                             ({@code KINSHIP_REFERRALS_DEFAULT_RESPONSE_HOURS})
 * @param languageField        the case field with the child's languages, checked against providers' languages
 *                             ({@code KINSHIP_REFERRALS_LANGUAGE_FIELD})
 * @param process              the BPMN process key a referral starts (response task and overdue timer); when it
 *                             is not deployed, referrals work without tasks ({@code KINSHIP_REFERRALS_PROCESS})
 */
@ConfigurationProperties("kinship.referrals")
public record ReferralSettings(@DefaultValue("72") int defaultResponseHours,
        @DefaultValue("languages") String languageField, @DefaultValue("referral") String process) {
}
