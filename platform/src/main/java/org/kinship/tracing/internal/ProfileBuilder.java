package org.kinship.tracing.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseFile;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupSource;
import org.kinship.forms.LookupValue;
import org.kinship.tracing.FamilyMember;
import org.kinship.tracing.PartialDate;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.Place;
import org.kinship.tracing.ProfileKind;
import org.kinship.tracing.Sex;
import org.kinship.tracing.TracingRequest;
import org.kinship.tracing.TracingSettings;
import org.springframework.stereotype.Component;

/**
 * Turns case files and tracing requests into matching profiles through the field names of
 * {@link TracingSettings}; location codes become hierarchy paths through the location lookup's parents.
 */
@Component
public class ProfileBuilder {

    private final TracingSettings settings;
    private final LookupSource lookups;
    private final List<RelativeField> caseRelatives;
    private final List<RelativeField> requestRelatives;
    private volatile @Nullable LocationNames locationNames;

    public ProfileBuilder(TracingSettings settings, LookupSource lookups) {
        this.settings = settings;
        this.lookups = lookups;
        this.caseRelatives = settings.caseFamilyMembers().stream().map(RelativeField::parse).toList();
        this.requestRelatives = settings.requestFamilyMembers().stream().map(RelativeField::parse).toList();
    }

    /** The case's profile; it is a tracing candidate only when {@code consentForTracing}. */
    public PersonProfile fromCase(CaseFile file, boolean consentForTracing) {
        PersonProfile.Builder profile = PersonProfile.builder(file.id(), ProfileKind.CASE)
                .consentForTracing(consentForTracing).agencyCode(nonNull(file.agencyCode())).ownerId(file.ownerId());
        Function<String, @Nullable Object> value = field -> file.value(field).orElse(null);
        profile.givenNames(texts(value, settings.caseGivenNames()).toArray(String[]::new));
        profile.familyNames(texts(value, settings.caseFamilyNames()).toArray(String[]::new));
        profile.otherNames(texts(value, settings.caseOtherNames()).toArray(String[]::new));
        relatives(value, caseRelatives).forEach(m -> profile.familyMember(m.relationship(), m.name()));
        sex(first(value, settings.caseSex())).ifPresent(profile::sex);
        LocalDate registered = file.registeredAt().atZone(ZoneOffset.UTC).toLocalDate();
        Optional<PartialDate> dob = date(first(value, settings.caseDateOfBirth()));
        dob.ifPresent(profile::dateOfBirth);
        Optional<Integer> estimated = age(first(value, settings.caseEstimatedAge()));
        Optional<Integer> age = age(first(value, settings.caseAge()));
        if (estimated.isPresent()) {
            profile.estimatedAge(estimated.get(), registered);
        } else if (age.isPresent()) {
            // an age without a date of birth is a worker's estimate; with one it is calculated from it
            if (dob.isPresent()) {
                profile.knownAge(age.get(), registered);
            } else {
                profile.estimatedAge(age.get(), registered);
            }
        }
        places(value, settings.casePlaces()).forEach(profile::place);
        date(first(value, settings.caseSeparationDate())).ifPresent(profile::separationDate);
        return profile.build();
    }

    /** One profile per sought child; filing a request is the inquirer's consent to tracing. */
    public List<PersonProfile> fromRequest(TracingRequest request) {
        List<PersonProfile> profiles = new ArrayList<>();
        List<Map<String, Object>> children = soughtChildren(request.data(), settings.requestChildren());
        LocalDate told = request.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        Function<String, @Nullable Object> requestValue = request.data()::get;
        List<FamilyMember> relatives = relatives(requestValue, requestRelatives);
        for (int i = 0; i < children.size(); i++) {
            Map<String, Object> child = children.get(i);
            Function<String, @Nullable Object> value = child::get;
            Object childId = child.get(TracingRequest.CHILD_ID);
            String stableId = childId instanceof String text && !text.isBlank() ? text : String.valueOf(i);
            PersonProfile.Builder profile = PersonProfile.builder(TracingRequest.soughtChildProfileId(request.id(), stableId),
                    ProfileKind.TRACING_REQUEST).consentForTracing(true).agencyCode(nonNull(request.agencyCode()))
                    .ownerId(request.ownerId());
            List<String> names = texts(value, settings.requestChildNames());
            splitNames(names, profile);
            relatives.forEach(m -> profile.familyMember(m.relationship(), m.name()));
            sex(first(value, settings.requestChildSex())).ifPresent(profile::sex);
            date(first(value, settings.requestChildDateOfBirth())).ifPresent(profile::dateOfBirth);
            age(first(value, settings.requestChildAge())).ifPresent(years -> profile.knownAge(years, told));
            places(value, settings.requestChildPlaces()).forEach(profile::place);
            date(first(value, settings.requestChildSeparationDate())).ifPresent(profile::separationDate);
            profiles.add(profile.build());
        }
        return profiles;
    }

    /** A child about to be registered (duplicate check): names as typed, sex, age or date of birth. */
    public PersonProfile unsaved(String name, @Nullable String sex, @Nullable Integer age, @Nullable String dateOfBirth,
            LocalDate today) {
        PersonProfile.Builder profile = PersonProfile.builder("unsaved", ProfileKind.CASE);
        splitNames(List.of(name), profile);
        sex(sex).ifPresent(profile::sex);
        date(dateOfBirth).ifPresent(profile::dateOfBirth);
        if (age != null && age >= 0 && age <= 120) {
            profile.estimatedAge(age, today);
        }
        return profile.build();
    }

    /** The first part of the first name field is the given name, the rest family names; further fields other names. */
    private static void splitNames(List<String> names, PersonProfile.Builder profile) {
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).strip().split("\\s+", 2);
            if (i == 0) {
                profile.givenNames(parts[0]);
                if (parts.length > 1) {
                    profile.familyNames(parts[1]);
                }
            } else {
                profile.otherNames(names.get(i).strip());
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> soughtChildren(Map<String, Object> data, String field) {
        List<Map<String, Object>> children = new ArrayList<>();
        if (data.get(field) instanceof Collection<?> items) {
            for (Object item : items) {
                children.add(item instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of());
            }
        }
        return children;
    }

    private static @Nullable Object first(Function<String, @Nullable Object> value, List<String> fields) {
        for (String field : fields) {
            Object found = value.apply(field);
            if (found != null && !(found instanceof String s && s.isBlank())) {
                return found;
            }
        }
        return null;
    }

    /** The non-blank texts of the fields, stripped; a field holding a list gives each of its texts. */
    static List<String> texts(Function<String, @Nullable Object> value, List<String> fields) {
        List<String> texts = new ArrayList<>();
        for (String field : fields) {
            Object found = value.apply(field);
            if (found instanceof String s && !s.isBlank()) {
                texts.add(s.strip());
            } else if (found instanceof Collection<?> items) {
                items.stream().filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isBlank())
                        .forEach(texts::add);
            }
        }
        return texts;
    }

    private static List<FamilyMember> relatives(Function<String, @Nullable Object> value, List<RelativeField> fields) {
        return fields.stream().flatMap(field -> field.read(value).stream()).toList();
    }

    private static Optional<Sex> sex(@Nullable Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "female", "f", "girl" -> Optional.of(Sex.FEMALE);
            case "male", "m", "boy" -> Optional.of(Sex.MALE);
            default -> Optional.empty();
        };
    }

    private static Optional<PartialDate> date(@Nullable Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PartialDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> age(@Nullable Object value) {
        try {
            int years = value instanceof Number n ? n.intValue()
                    : value instanceof String s && !s.isBlank() ? Integer.parseInt(s.strip()) : -1;
            return years >= 0 && years <= 120 ? Optional.of(years) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<Place> places(Function<String, @Nullable Object> value, List<String> fields) {
        List<Place> places = new ArrayList<>();
        Optional<Lookup> hierarchy = Optional.empty();
        for (String text : texts(value, fields)) {
            if (hierarchy.isEmpty()) {
                hierarchy = lookups.findLookup(settings.locationLookup());
            }
            List<String> located = hierarchy.map(lookup -> located(lookup, text)).orElse(List.of());
            if (located.isEmpty()) {
                places.add(Place.named(text));
            } else {
                located.forEach(path -> places.add(Place.at(path)));
            }
        }
        return places;
    }

    /** The path of the location coded by the text, else those of the locations it names. */
    private List<String> located(Lookup lookup, String text) {
        Optional<String> coded = path(lookup, text);
        if (coded.isPresent()) {
            return List.of(coded.get());
        }
        return named(lookup, text).stream().flatMap(code -> path(lookup, code).stream()).toList();
    }

    /**
     * The codes of the locations whose label (in any language, accents, case and words such as "camp" aside) is the
     * text: a place typed by name is placed in the hierarchy, a name up to {@link PlaceAliases#MAX_SHARED} locations
     * share as each of them (the comparison takes the best). A name more locations carry stays a name.
     */
    private List<String> named(Lookup lookup, String text) {
        LocationNames names = locationNames;
        if (names == null || !names.lookupId().equals(lookup.id()) || names.version() != lookup.version()) {
            Map<String, Set<String>> codes = new HashMap<>();
            for (LookupValue value : lookup.values()) {
                for (String label : value.label().values()) {
                    String spelling = PlaceAliases.spelling(label);
                    if (!spelling.isEmpty()) {
                        codes.computeIfAbsent(spelling, k -> new TreeSet<>()).add(value.value());
                    }
                }
            }
            names = new LocationNames(lookup.id(), lookup.version(), codes);
            locationNames = names;
        }
        Set<String> found = names.codes().getOrDefault(PlaceAliases.spelling(text), Set.of());
        return found.size() <= PlaceAliases.MAX_SHARED ? List.copyOf(found) : List.of();
    }

    /** The location lookup's labels, built once per version of the lookup. */
    private record LocationNames(String lookupId, long version, Map<String, Set<String>> codes) {
    }

    /** {@code CD/NK/NK-GOMA} from the code's chain of parents, or empty for a code the lookup does not know. */
    static Optional<String> path(Lookup lookup, String code) {
        List<String> levels = new ArrayList<>();
        Optional<LookupValue> at = lookup.value(code);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        while (at.isPresent() && levels.size() < 12) {
            levels.addFirst(at.get().value().toUpperCase(Locale.ROOT).replace('/', '-'));
            String parent = at.get().parent();
            at = parent == null ? Optional.empty() : lookup.value(parent);
        }
        return Optional.of(String.join("/", levels));
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
