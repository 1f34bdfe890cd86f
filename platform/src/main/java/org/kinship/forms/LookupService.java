package org.kinship.forms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kinship.forms.internal.Json;
import org.kinship.forms.internal.LookupChecks;
import org.kinship.forms.internal.MongoLookupRepository;
import org.kinship.forms.internal.Problems;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.stereotype.Service;

/**
 * Lookups: create, change (optimistic locking on {@link Lookup#version()}), retire and delete values,
 * export and import. A value that any {@link LookupUsage} reports in use cannot be deleted, neither by
 * {@link #deleteValue} nor by an update or import that leaves it out; retire it instead.
 */
@Service
public class LookupService implements LookupSource {

    private final MongoLookupRepository repository;
    private final List<LookupUsage> usages;
    private final Messages messages;

    LookupService(MongoLookupRepository repository, List<LookupUsage> usages, Messages messages) {
        this.repository = repository;
        this.usages = usages;
        this.messages = messages;
    }

    public List<Lookup> list() {
        return repository.findAll();
    }

    @Override
    public Optional<Lookup> findLookup(String id) {
        return repository.findById(id);
    }

    public Lookup get(String id) {
        return repository.findById(id).orElseThrow(() -> new LookupNotFoundException(id, null));
    }

    public Lookup create(Lookup lookup, Locale locale) {
        check(lookup, locale);
        return repository.insert(lookup);
    }

    /** Stores {@code lookup} if the stored one still has {@code lookup.version()}. */
    public Lookup update(Lookup lookup, Locale locale) {
        check(lookup, locale);
        refuseRemovingUsedValues(get(lookup.id()), lookup);
        return repository.update(lookup);
    }

    public Lookup retireValue(String id, String value) {
        Lookup lookup = get(id);
        return repository.update(lookup.retire(value));
    }

    public Lookup deleteValue(String id, String value) {
        Lookup lookup = get(id);
        Lookup changed = lookup.without(value);
        refuseRemovingUsedValues(lookup, changed);
        return repository.update(changed);
    }

    public boolean isInUse(String id, String value) {
        return usages.stream().anyMatch(usage -> usage.isInUse(id, value));
    }

    /** The lookup file: the lookup as JSON. */
    public String export(String id) {
        return Json.write(get(id));
    }

    /** Creates the lookup from its file, or replaces the stored one (whatever version the file carries). */
    public Lookup importLookup(String json, Locale locale) {
        Problems problems = new Problems();
        Lookup lookup = LookupChecks.read(json, problems)
                .orElseThrow(() -> new InvalidLookupException(problems.errors(messages, language(locale))));
        Optional<Lookup> existing = repository.findById(String.valueOf(lookup.id()));
        if (existing.isEmpty()) {
            return create(lookup, locale);
        }
        return update(lookup.withVersion(existing.get().version()), locale);
    }

    /**
     * Puts a lookup back as it was before an undone import: {@code previous} as it was stored, or no lookup at all
     * when it did not exist ({@code null}). Not checked again: it is what was stored and valid before.
     */
    public void restore(String id, @org.jspecify.annotations.Nullable Lookup previous) {
        if (previous == null) {
            repository.delete(id);
        } else {
            repository.restore(previous);
        }
    }

    private void check(Lookup lookup, Locale locale) {
        Problems problems = LookupChecks.check(lookup);
        if (problems.hasErrors()) {
            throw new InvalidLookupException(problems.errors(messages, language(locale)));
        }
    }

    private void refuseRemovingUsedValues(Lookup before, Lookup after) {
        Set<String> kept = after.values().stream().map(LookupValue::value).collect(Collectors.toSet());
        before.values().stream().map(LookupValue::value).filter(code -> !kept.contains(code))
                .filter(code -> isInUse(before.id(), code)).findFirst()
                .ifPresent(code -> {
                    throw new LookupValueInUseException(before.id(), code);
                });
    }

    private static Locale language(Locale locale) {
        return SupportedLocales.bestMatch(locale);
    }
}
