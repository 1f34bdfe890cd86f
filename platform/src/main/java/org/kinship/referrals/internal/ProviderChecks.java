package org.kinship.referrals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;
import org.kinship.forms.LookupService;
import org.kinship.i18n.Messages;
import org.kinship.referrals.DirectoryProblem;
import org.kinship.referrals.ProviderDetails;
import org.springframework.stereotype.Component;

/**
 * The rules of a provider: name and agency, known service types (the {@code service_types} lookup), known places
 * (the {@code locations} lookup when installed), a sensible age range, known sexes, a response target. Problems
 * are named by field in the caller's language.
 */
@Component
public class ProviderChecks {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final LookupService lookups;
    private final Messages messages;

    ProviderChecks(LookupService lookups, Messages messages) {
        this.lookups = lookups;
        this.messages = messages;
    }

    /** The known lookups, read once per check (an import checks every row against the same ones). */
    public Context context() {
        return new Context(active("service_types"), lookups.findLookup("locations").orElse(null), active("sex"));
    }

    /** Lookups a provider is checked against. */
    public record Context(@Nullable Set<String> serviceTypes, @Nullable Lookup locations, @Nullable Set<String> sexes) {
    }

    public List<DirectoryProblem> check(ProviderDetails p, Context context, @Nullable Integer row, Locale locale) {
        List<DirectoryProblem> problems = new ArrayList<>();
        Problems add = (column, key, args) -> problems.add(
                new DirectoryProblem(row, column, messages.get(locale, key, args)));
        if (blank(p.name()) || p.name().strip().length() > 200) {
            add.to("name", "referrals.provider.name");
        }
        if (blank(p.agencyCode()) || !CODE.matcher(p.agencyCode().strip()).matches()) {
            add.to("agency", "referrals.provider.agency");
        }
        if (p.services() == null || p.services().isEmpty()) {
            add.to("services", "referrals.provider.services");
        } else if (context.serviceTypes() == null) {
            add.to("services", "referrals.serviceTypes.missing");
        } else {
            p.services().stream().filter(s -> !context.serviceTypes().contains(s)).findFirst()
                    .ifPresent(s -> add.to("services", "referrals.provider.unknownService", s));
        }
        LocationHierarchy places = new LocationHierarchy(context.locations());
        if (p.locations() == null || p.locations().isEmpty()) {
            add.to("locations", "referrals.provider.locations");
        } else {
            p.locations().stream().filter(l -> !CODE.matcher(l).matches() || !places.knows(l)).findFirst()
                    .ifPresent(l -> add.to("locations", "referrals.provider.unknownLocation", l));
        }
        if (p.minAge() != null && (p.minAge() < 0 || p.minAge() > 30)) {
            add.to("min_age", "referrals.provider.age");
        }
        if (p.maxAge() != null && (p.maxAge() < 0 || p.maxAge() > 30)) {
            add.to("max_age", "referrals.provider.age");
        }
        if (p.minAge() != null && p.maxAge() != null && p.minAge() > p.maxAge()) {
            add.to("max_age", "referrals.provider.ageRange");
        }
        if (p.sexes() != null && context.sexes() != null) {
            p.sexes().stream().filter(s -> !context.sexes().contains(s)).findFirst()
                    .ifPresent(s -> add.to("sexes", "referrals.provider.unknownSex", s));
        }
        if (p.languages() != null) {
            p.languages().stream().filter(l -> !CODE.matcher(l).matches()).findFirst()
                    .ifPresent(l -> add.to("languages", "referrals.provider.language", l));
        }
        if (p.responseHours() == null || p.responseHours() < 1 || p.responseHours() > 24 * 365) {
            add.to("response_hours", "referrals.provider.responseHours");
        }
        if (p.contact() != null && !p.contact().email().isEmpty() && !EMAIL.matcher(p.contact().email()).matches()) {
            add.to("contact_email", "referrals.provider.email");
        }
        return problems;
    }

    private @Nullable Set<String> active(String lookupId) {
        return lookups.findLookup(lookupId).map(l -> l.activeValues().stream().map(LookupValue::value)
                .collect(Collectors.toUnmodifiableSet())).orElse(null);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    @FunctionalInterface
    private interface Problems {
        void to(String column, String key, Object... args);
    }
}
