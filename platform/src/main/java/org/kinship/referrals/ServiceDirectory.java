package org.kinship.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.forms.LookupValue;
import org.kinship.referrals.internal.MongoProviderRepository;
import org.kinship.referrals.internal.ProviderChecks;
import org.kinship.referrals.internal.ProviderSheets;
import org.kinship.referrals.internal.Suggestions;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/**
 * The service directory: service types (values of the {@code service_types} lookup) and providers, searchable by
 * text, service and place, importable and exportable as a spreadsheet. Every signed-in user reads it (workers
 * choose providers); changing it needs {@code lookup:manage} and is audited.
 */
@Service
public class ServiceDirectory {

    public static final String SERVICE_TYPES = "service_types";

    private final MongoProviderRepository providers;
    private final ProviderChecks checks;
    private final ProviderSheets sheets;
    private final Suggestions suggestions;
    private final LookupService lookups;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final Clock clock;

    ServiceDirectory(MongoProviderRepository providers, ProviderChecks checks, ProviderSheets sheets,
            Suggestions suggestions, LookupService lookups, PermissionService permissions, AuditLog audit,
            Clock clock) {
        this.providers = providers;
        this.checks = checks;
        this.sheets = sheets;
        this.suggestions = suggestions;
        this.lookups = lookups;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ServiceType> serviceTypes() {
        return lookups.findLookup(SERVICE_TYPES).map(Lookup::values).orElse(List.of()).stream()
                .map(v -> new ServiceType(v.value(), v.label(), v.retired(), providers.countOffering(v.value())))
                .toList();
    }

    /** Whether {@code code} is a service type offered for new referrals (known and not retired). */
    public boolean isActiveServiceType(String code) {
        return lookups.findLookup(SERVICE_TYPES).flatMap(l -> l.value(code)).filter(v -> !v.retired()).isPresent();
    }

    /** Adds a service type to the {@code service_types} lookup (created when missing). */
    public ServiceType addServiceType(KinshipUser user, String code, Map<String, String> label, Locale locale) {
        requireManage(user, code);
        if (code == null || !code.matches("[a-z0-9_]{1,64}") || label == null || label.getOrDefault("en", "").isBlank()) {
            throw new ReferralRefusedException(ReferralRefusedException.Reason.BAD_REQUEST, "referrals.serviceType.invalid");
        }
        LookupValue value = LookupValue.of(code, label);
        Optional<Lookup> existing = lookups.findLookup(SERVICE_TYPES);
        if (existing.isEmpty()) {
            lookups.create(new Lookup(SERVICE_TYPES, Map.of("en", "Service types", "fr", "Types de service",
                    "es", "Tipos de servicio", "ar", "أنواع الخدمات"), List.of(value), 0), locale);
        } else {
            if (existing.get().value(code).isPresent()) {
                throw new ReferralRefusedException(ReferralRefusedException.Reason.CONFLICT,
                        "referrals.serviceType.exists", code);
            }
            List<LookupValue> values = new ArrayList<>(existing.get().values());
            values.add(value);
            lookups.update(existing.get().withValues(values), locale);
        }
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "service_type", code, AuditOutcome.SUCCESS);
        return new ServiceType(code, label, false, 0);
    }

    /** Providers whose name or agency contains {@code text}, offering {@code serviceType}, serving {@code location}. */
    public List<ServiceProvider> search(@Nullable String text, @Nullable String serviceType, @Nullable String location) {
        List<ServiceProvider> found = serviceType == null || serviceType.isBlank() ? providers.all()
                : providers.offering(serviceType);
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return found.stream()
                .filter(p -> needle.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(needle)
                        || p.agencyCode().toLowerCase(Locale.ROOT).contains(needle))
                .filter(p -> location == null || location.isBlank() || suggestions.serves(p, location)).toList();
    }

    public Optional<ServiceProvider> provider(String id) {
        return providers.find(id);
    }

    public ServiceProvider create(KinshipUser user, ProviderDetails details, Locale locale) {
        requireManage(user, null);
        ServiceProvider provider = checked(Ids.newId(), details, 0, user, locale);
        providers.insert(provider);
        audited(user, provider, "create");
        return provider;
    }

    /** @throws org.kinship.shared.StaleVersionException when the provider has moved on from {@code expectedVersion} */
    public ServiceProvider update(KinshipUser user, String id, long expectedVersion, ProviderDetails details,
            Locale locale) {
        requireManage(user, id);
        providers.find(id).orElseThrow(() -> new ReferralRefusedException(ReferralRefusedException.Reason.NOT_FOUND,
                "referrals.provider.notFound"));
        ServiceProvider next = checked(id, details, expectedVersion + 1, user, locale);
        providers.replace(expectedVersion, next);
        audited(user, next, "update");
        return next;
    }

    /** Providers offering the service where the child lives (nearest first) that accept the child. */
    public List<ProviderSuggestion> suggest(String serviceType, ChildProfile child) {
        return suggestions.suggest(providers.offering(serviceType), serviceType, child);
    }

    /**
     * Creates or replaces the providers of a spreadsheet ({@code xlsx} or {@code csv}); a malformed sheet is
     * refused with every problem named by row and column, and nothing is imported.
     *
     * @return the providers as stored
     */
    public List<ServiceProvider> importSheet(KinshipUser user, byte[] content, String format, Locale locale) {
        requireManage(user, null);
        ProviderChecks.Context context = checks.context();
        List<ProviderSheets.Row> rows = sheets.read(content, format, locale);
        List<DirectoryProblem> problems = new ArrayList<>();
        rows.forEach(row -> problems.addAll(checks.check(row.details(), context, row.number(), locale)));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryDataException(problems);
        }
        Instant now = clock.instant();
        List<ServiceProvider> stored = new ArrayList<>();
        for (ProviderSheets.Row row : rows) {
            Optional<ServiceProvider> existing = row.id() == null ? Optional.empty() : providers.find(row.id());
            ServiceProvider next = build(row.id() == null ? Ids.newId() : row.id(), row.details(),
                    existing.map(p -> p.version() + 1).orElse(0L), user, now);
            stored.add(existing.isPresent() ? providers.replace(existing.get().version(), next) : providers.insert(next));
        }
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "provider", null, AuditOutcome.SUCCESS,
                Map.of("import", String.valueOf(stored.size()), "format", format));
        return stored;
    }

    public byte[] exportSheet(String format) {
        return sheets.write(providers.all().stream().sorted(Comparator.comparing(ServiceProvider::name)).toList(),
                format);
    }

    private ServiceProvider checked(String id, ProviderDetails details, long version, KinshipUser user,
            Locale locale) {
        List<DirectoryProblem> problems = checks.check(details, checks.context(), null, locale);
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryDataException(problems);
        }
        return build(id, details, version, user, clock.instant());
    }

    private static ServiceProvider build(String id, ProviderDetails d, long version, KinshipUser user, Instant at) {
        return new ServiceProvider(id, d.name().strip(), d.agencyCode().strip(), d.services(), d.locations(),
                d.contact() == null ? ProviderContact.NONE : d.contact(), d.minAge(), d.maxAge(),
                d.sexes() == null ? java.util.Set.of() : d.sexes(),
                d.languages() == null ? java.util.Set.of() : d.languages(), d.responseHours(),
                d.active() == null || d.active(), at, user.id(), version);
    }

    private void requireManage(KinshipUser user, @Nullable String id) {
        permissions.require(user, Resource.LOOKUP, Action.MANAGE, id);
    }

    private void audited(KinshipUser user, ServiceProvider provider, String change) {
        audit.record(AuditActor.of(user), AuditActions.CONFIG_CHANGE, "provider", provider.id(), AuditOutcome.SUCCESS,
                Map.of("change", change, "version", String.valueOf(provider.version())));
    }
}
