package org.kinship.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.IndexedFields;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.consent.ConsentCheck;
import org.kinship.consent.ConsentPurpose;
import org.kinship.consent.ConsentService;
import org.kinship.referrals.ChildProfile;
import org.kinship.referrals.ReferralRefusedException;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.ReferralSettings;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.stereotype.Component;

/** What referrals, transfers and assignments check alike: the case in scope, the users, consent, the audit. */
@Component
public class ReferralSupport {

    private final CaseFileService cases;
    private final RecordModuleService modules;
    private final PermissionService permissions;
    private final UserAccountService accounts;
    private final ConsentService consent;
    private final AuditLog audit;
    private final ReferralSettings settings;
    private final Clock clock;

    ReferralSupport(CaseFileService cases, RecordModuleService modules, PermissionService permissions,
            UserAccountService accounts, ConsentService consent, AuditLog audit, ReferralSettings settings,
            Clock clock) {
        this.cases = cases;
        this.modules = modules;
        this.permissions = permissions;
        this.accounts = accounts;
        this.consent = consent;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The case as the user reads it; outside their scope (and without a grant) it does not exist. */
    public CaseFile readCase(KinshipUser user, String caseId) {
        return cases.get(user, caseId);
    }

    /** Whether {@code case:<action>} of the user's roles reaches the case. */
    public boolean inScope(KinshipUser user, Action action, CaseFile file) {
        return scope(user, action).permits(file.ownerId(), file.assignedIds(), file.groupIds(), file.agencyCode());
    }

    public RecordScope scope(KinshipUser user, Action action) {
        return permissions.scopeFor(user, Resource.CASE, action);
    }

    public boolean mayViewCases(KinshipUser user) {
        return permissions.can(user, Resource.CASE, Action.VIEW);
    }

    /** Refuses (and audits the refusal) unless {@code case:<action>} reaches the case. */
    public void requireScope(KinshipUser user, Action action, CaseFile file, String messageKey) {
        if (!inScope(user, action, file)) {
            throw deny(user, action, file.id(), messageKey);
        }
    }

    /** Audits the refusal and answers the exception to throw. */
    public ReferralRefusedException deny(KinshipUser user, Action action, @Nullable String caseId, String messageKey) {
        permissions.deny(user, Resource.CASE, action, caseId, "out_of_scope");
        return new ReferralRefusedException(Reason.FORBIDDEN, messageKey);
    }

    /** Changing the directory and referral types needs {@code lookup:manage} (administrators, coordination). */
    public void requireManage(KinshipUser user, @Nullable String id) {
        permissions.require(user, Resource.LOOKUP, Action.MANAGE, id);
    }

    /** An enabled user by id or user name. */
    public UserAccount user(String idOrUsername) {
        return accounts.findById(idOrUsername).or(() -> accounts.findByUsername(idOrUsername))
                .filter(UserAccount::enabled)
                .orElseThrow(() -> new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.user.unknown",
                        idOrUsername));
    }

    public boolean agencyExists(String code) {
        return accounts.findAgency(code).isPresent();
    }

    /**
     * Consent for {@code purposes} (sharing only when the case leaves its agency): given, or overridden now with
     * {@code overrideReason} (needs {@code consent:approve}; audited by the consent feature).
     *
     * @return {@code consent.given} or {@code consent.overridden}
     */
    public String requireConsent(KinshipUser user, String caseId, @Nullable String caseAgency,
            @Nullable String toAgency, @Nullable String overrideReason, boolean services, String action) {
        boolean overridden = false;
        for (ConsentPurpose purpose : purposes(caseAgency, toAgency, services)) {
            ConsentCheck check = check(caseId, purpose, toAgency);
            if (!check.allowed() && overrideReason != null && !overrideReason.isBlank()) {
                try {
                    consent.override(caseId, purpose, user, overrideReason);
                } catch (IllegalArgumentException e) {
                    throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.consent.overrideReason");
                }
                check = check(caseId, purpose, toAgency);
            }
            if (!check.allowed()) {
                audit(user, action, "case", caseId, AuditOutcome.DENIED,
                        Map.of("consent", purpose.key(), "reason", check.reason()));
                throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.consent.missing",
                        "referrals.purpose." + purpose.key(), check.reason());
            }
            overridden |= check.override() != null;
        }
        return overridden ? "consent.overridden" : "consent.given";
    }

    private ConsentCheck check(String caseId, ConsentPurpose purpose, @Nullable String toAgency) {
        return purpose == ConsentPurpose.SHARING && toAgency != null ? consent.mayShareWith(caseId, toAgency)
                : consent.mayProceed(caseId, purpose);
    }

    private static List<ConsentPurpose> purposes(@Nullable String caseAgency, @Nullable String toAgency,
            boolean services) {
        boolean leaves = toAgency != null && !Objects.equals(toAgency, caseAgency);
        if (services) {
            return leaves ? List.of(ConsentPurpose.SERVICES, ConsentPurpose.SHARING) : List.of(ConsentPurpose.SERVICES);
        }
        return leaves ? List.of(ConsentPurpose.SHARING) : List.of();
    }

    public void audit(KinshipUser user, String action, String type, String id, AuditOutcome outcome,
            Map<String, String> details) {
        audit.record(AuditActor.of(user), action, type, id, outcome, details);
    }

    /** The child's age, sex, languages and place from the module's indexed fields. */
    public ChildProfile child(CaseFile file) {
        IndexedFields fields = modules.find(file.module()).map(RecordModule::indexedFields)
                .orElse(IndexedFields.standard());
        Integer age = years(file, fields.age())
                .or(() -> fields.estimatedAge() == null ? Optional.empty() : years(file, fields.estimatedAge()))
                .orElseGet(() -> file.value(fields.dateOfBirth()).map(this::ageFrom).orElse(null));
        String sex = file.value(fields.sex()).map(String::valueOf).orElse(null);
        String location = file.value(fields.location()).map(String::valueOf).orElse(null);
        Set<String> languages = new LinkedHashSet<>();
        file.value(settings.languageField()).ifPresent(v -> {
            if (v instanceof Collection<?> many) {
                many.forEach(l -> languages.add(String.valueOf(l).toLowerCase(Locale.ROOT)));
            } else {
                languages.add(String.valueOf(v).toLowerCase(Locale.ROOT));
            }
        });
        return new ChildProfile(age, sex, languages, location);
    }

    private static Optional<Integer> years(CaseFile file, String field) {
        return file.value(field).filter(Number.class::isInstance).map(v -> ((Number) v).intValue());
    }

    private @Nullable Integer ageFrom(Object dateOfBirth) {
        try {
            LocalDate born = LocalDate.parse(String.valueOf(dateOfBirth));
            return Period.between(born, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).getYears();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public ReferralSettings settings() {
        return settings;
    }
}
