package org.kinship.forms;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.internal.Json;
import org.kinship.forms.internal.MongoFormDraftRepository;
import org.kinship.forms.internal.MongoFormVersionRepository;
import org.kinship.i18n.Messages;
import org.kinship.i18n.SupportedLocales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Form definitions: a draft per form that administrators edit (every save is validated; nothing invalid is
 * stored), and immutable published versions numbered 1, 2, 3... Data records the {@link FormVersionRef}
 * it was filled with and is validated against that version with {@link #validateData}.
 */
@Service
public class FormDefinitionService {

    private final MongoFormDraftRepository drafts;
    private final MongoFormVersionRepository versions;
    private final FormDefinitionValidator definitionValidator;
    private final FormDataValidator dataValidator;
    private final Messages messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Parsed schemas of published versions, which never change (as {@code cases.internal.SectionForms} keeps). */
    private final java.util.Map<FormVersionRef, FormSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

    FormDefinitionService(MongoFormDraftRepository drafts, MongoFormVersionRepository versions,
            FormDefinitionValidator definitionValidator, FormDataValidator dataValidator, Messages messages, Clock clock,
            ApplicationEventPublisher events) {
        this.drafts = drafts;
        this.versions = versions;
        this.definitionValidator = definitionValidator;
        this.dataValidator = dataValidator;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    public List<FormSummary> list() {
        return drafts.findAll().stream().map(draft -> new FormSummary(draft.id(), draft.schema().title(),
                draft.version(), versions.findLatest(draft.id()).map(FormVersion::version).orElse(null))).toList();
    }

    public Optional<FormDraft> findDraft(String formId) {
        return drafts.findById(formId);
    }

    public FormDraft draft(String formId) {
        return drafts.findById(formId).orElseThrow(() -> new FormNotFoundException(formId, null));
    }

    public Optional<FormVersion> latestVersion(String formId) {
        return versions.findLatest(formId);
    }

    public List<FormVersion> versions(String formId) {
        draft(formId);
        return versions.findAll(formId);
    }

    public FormVersion version(FormVersionRef ref) {
        return versions.find(ref.formId(), ref.version())
                .orElseThrow(() -> new FormNotFoundException(ref.formId(), ref.version()));
    }

    /** Checks a definition without storing anything. */
    public DefinitionReport validate(String json, Locale locale) {
        return definitionValidator.validate(json, locale);
    }

    /** Stores a new draft (version 1 of the draft, nothing published yet). */
    public FormDraft create(String json, String user, Locale locale) {
        FormSchema schema = checked(json, null, locale);
        return drafts.insert(new FormDraft(schema.formId(), json, 1, clock.instant(), user));
    }

    /**
     * Replaces the draft. With {@code expectedVersion} the save fails with
     * {@link org.kinship.shared.StaleVersionException} if someone saved in between; without it the latest
     * draft is replaced.
     */
    public FormDraft updateDraft(String formId, String json, @Nullable Long expectedVersion, String user, Locale locale) {
        checked(json, formId, locale);
        FormDraft current = draft(formId);
        long base = expectedVersion != null ? expectedVersion : current.version();
        return drafts.replace(new FormDraft(formId, json, base + 1, clock.instant(), user), base);
    }

    /** Creates the form from its schema file, or replaces its draft; published versions are untouched. */
    public FormDraft importDefinition(String json, String user, Locale locale) {
        FormSchema schema = checked(json, null, locale);
        return drafts.findById(schema.formId()).map(existing -> updateDraft(schema.formId(), json, null, user, locale))
                .orElseGet(() -> create(json, user, locale));
    }

    /**
     * Publishes the draft as the next version and announces it with {@link FormPublished}; refused when the draft is the same as the latest version.
     */
    public FormVersion publish(String formId, String user, Locale locale) {
        FormDraft draft = draft(formId);
        checked(draft.schemaJson(), formId, locale);
        Optional<FormVersion> latest = versions.findLatest(formId);
        if (latest.isPresent() && Json.read(latest.get().schemaJson()).equals(Json.read(draft.schemaJson()))) {
            throw new NothingToPublishException(latest.get().ref());
        }
        // numbers of withdrawn versions are not given again: a reference always names one content
        FormVersion version = new FormVersion(formId, versions.highestNumber(formId) + 1, draft.schemaJson(),
                clock.instant(), user);
        versions.insert(version);
        events.publishEvent(new FormPublished(version.ref(), user, version.publishedAt()));
        return version;
    }

    /**
     * Undoes publications (a template package apply that failed): the versions after {@code lastKept} (all when
     * {@code null}) stop being the latest and are no longer listed, so sections that follow the latest version use
     * {@code lastKept} again. They stay readable by their reference, so data filled with them keeps its form, and
     * their numbers are not given again.
     *
     * @return the versions withdrawn now
     */
    public List<FormVersionRef> withdrawAfter(String formId, @Nullable Integer lastKept) {
        int keep = lastKept == null ? 0 : lastKept;
        return versions.findAll(formId).stream().filter(version -> version.version() > keep)
                .filter(version -> versions.withdraw(formId, version.version(), clock.instant()))
                .map(FormVersion::ref).toList();
    }

    /**
     * Puts a draft back as it was before an undone import: {@code previous} as it was stored, or no draft at all
     * when the form did not exist ({@code null}). Not validated: it is what was stored and valid before.
     */
    public void restoreDraft(String formId, @Nullable FormDraft previous) {
        if (previous == null) {
            drafts.delete(formId);
            return;
        }
        // a newer draft number, so that an editor still holding the undone draft's number cannot save over it
        long next = Math.max(previous.version(), drafts.findById(formId).map(FormDraft::version).orElse(0L)) + 1;
        drafts.restore(new FormDraft(formId, previous.schemaJson(), next, previous.updatedAt(), previous.updatedBy()));
    }

    public FormDiff diff(String formId, int from, int to) {
        return FormDiff.between(version(new FormVersionRef(formId, from)).schema(),
                version(new FormVersionRef(formId, to)).schema());
    }

    /** Validates data against the version it is filled with (see {@link FormDataValidator}). */
    public ValidatedData validateData(FormVersionRef ref, Map<String, ?> data, @Nullable Map<String, ?> previous,
            Locale locale) {
        FormSchema schema = schemas.get(ref);
        if (schema == null) {
            schema = version(ref).schema();
            schemas.put(ref, schema);
        }
        return dataValidator.validate(schema, data, previous, locale);
    }

    private FormSchema checked(String json, @Nullable String expectedFormId, Locale locale) {
        DefinitionReport report = definitionValidator.validate(json, locale);
        if (!report.valid()) {
            throw new InvalidFormDefinitionException(report);
        }
        FormSchema schema = FormSchema.parse(json);
        if (expectedFormId != null && !expectedFormId.equals(schema.formId())) {
            Locale language = SupportedLocales.bestMatch(locale);
            throw new InvalidFormDefinitionException(new DefinitionReport(List.of(new FormProblem("/x-kinship/formId",
                    "forms.api.idMismatch", messages.get(language, "forms.api.idMismatch", schema.formId(), expectedFormId))),
                    report.warnings()));
        }
        return schema;
    }
}
