package org.kinship.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditActor;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditOutcome;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormVersion;
import org.kinship.forms.ValidatedData;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.shared.Ids;
import org.kinship.tracing.internal.MongoTracingRequestRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Tracing requests on behalf of a user: the data is validated against the latest published tracing request
 * form (every problem reported at once), the {@code tracing_request} permissions' scope is applied (a request
 * outside it is not found), every read and write is audited (ids and field names only), and every save is
 * announced with {@link TracingRequestSaved} so the sought children are matched again.
 */
@Service
public class TracingRequestService {

    private final MongoTracingRequestRepository requests;
    private final FormDefinitionService forms;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TracingSettings settings;
    private final Clock clock;

    TracingRequestService(MongoTracingRequestRepository requests, FormDefinitionService forms,
            PermissionService permissions, AuditLog audit, ApplicationEventPublisher events, TracingSettings settings,
            Clock clock) {
        this.requests = requests;
        this.forms = forms;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates a request from the form data; the user becomes its owner. */
    public TracingRequest create(KinshipUser user, Map<String, Object> data, Locale locale) {
        if (!permissions.scopeFor(user, Resource.TRACING_REQUEST, Action.CREATE).allowsAny()) {
            throw permissions.deny(user, Resource.TRACING_REQUEST, Action.CREATE, null, "missing_permission");
        }
        FormVersion form = publishedForm();
        Map<String, Object> clean = validated(form, data, null, List.of(), locale);
        Instant now = clock.instant();
        String id = Ids.newId();
        List<TracingRequestChange> history = new ArrayList<>();
        clean.forEach((field, value) -> history.add(new TracingRequestChange(field, null, value, user.id(), now, 1)));
        TracingRequest created = requests.insert(number -> new TracingRequest(id, number, form.formId(), form.version(),
                clean, user.id(), user.agencyCode(), now, user.id(), now, user.id(), List.of(), 1), user.agencyCode(),
                history);
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "tracing_request", id, AuditOutcome.SUCCESS,
                Map.of("change", "created", "version", "1"));
        events.publishEvent(new TracingRequestSaved(id, 1, List.of()));
        return created;
    }

    /** The request, if the user may see it (audited). */
    public TracingRequest get(KinshipUser user, String id) {
        TracingRequest request = visible(user, id, Action.VIEW);
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "tracing_request", id, AuditOutcome.SUCCESS,
                Map.of("part", "request", "version", String.valueOf(request.version())));
        return request;
    }

    /**
     * Merges {@code changes} into the data (a {@code null} value clears a field), validated again against the
     * form version the request was filled with.
     *
     * @throws org.kinship.shared.StaleVersionException when the request is no longer at {@code expectedVersion}
     */
    public TracingRequest update(KinshipUser user, String id, long expectedVersion, Map<String, Object> changes,
            Locale locale) {
        TracingRequest before = visible(user, id, Action.EDIT);
        if (before.version() != expectedVersion) {
            throw new org.kinship.shared.StaleVersionException("tracing request", id, expectedVersion);
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(before.data());
        changes.forEach((field, value) -> {
            if (value == null) {
                merged.remove(field);
            } else {
                merged.put(field, value);
            }
        });
        FormVersion form = forms.version(new org.kinship.forms.FormVersionRef(before.formId(), before.formVersion()));
        Map<String, Object> clean = validated(form, merged, before.data(), soughtChildIds(before), locale);
        Set<String> fields = new LinkedHashSet<>(before.data().keySet());
        fields.addAll(clean.keySet());
        Instant now = clock.instant();
        long next = before.version() + 1;
        List<TracingRequestChange> history = fields.stream()
                .filter(f -> !Objects.equals(before.data().get(f), clean.get(f)))
                .map(f -> new TracingRequestChange(f, before.data().get(f), clean.get(f), user.id(), now, next)).toList();
        if (history.isEmpty()) {
            return before;
        }
        TracingRequest after = requests.update(new TracingRequest(id, before.requestNumber(), before.formId(),
                before.formVersion(), clean, before.ownerId(), before.agencyCode(), before.createdAt(),
                before.createdBy(), now, user.id(), before.links(), next), expectedVersion, history);
        audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "tracing_request", id, AuditOutcome.SUCCESS,
                Map.of("change", "edited", "fields", String.join(",", history.stream()
                        .map(TracingRequestChange::path).toList()), "version", String.valueOf(next)));
        List<String> removed = new ArrayList<>(soughtChildIds(before));
        removed.removeAll(soughtChildIds(after));
        events.publishEvent(new TracingRequestSaved(id, next, removed));
        return after;
    }

    /** The requests the user may see, newest first (the listing is audited, not each request). */
    public TracingRequestPage list(KinshipUser user, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new TracingRefusedException(TracingRefusedException.Reason.BAD_REQUEST, "tracing.page.invalid");
        }
        var filter = scope(user, Action.VIEW).toMongoFilter("ownerId", "ownerId", "groupIds", "agencyCode");
        TracingRequestPage result = new TracingRequestPage(requests.list(filter, page, size), requests.count(filter), page,
                size);
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "tracing_request", null, AuditOutcome.SUCCESS,
                Map.of("part", "list", "count", String.valueOf(result.items().size())));
        return result;
    }

    /** Every recorded change of the request, oldest first (audited). */
    public List<TracingRequestChange> history(KinshipUser user, String id) {
        TracingRequest request = visible(user, id, Action.VIEW);
        audit.record(AuditActor.of(user), AuditActions.RECORD_VIEW, "tracing_request", id, AuditOutcome.SUCCESS,
                Map.of("part", "history", "version", String.valueOf(request.version())));
        return requests.history(id);
    }

    /** Whether the user may see the request (no audit: for listing matches the caller audits). */
    public boolean mayView(KinshipUser user, String id) {
        return requests.findById(id).filter(r -> permits(scope(user, Action.VIEW), r)).isPresent();
    }

    /** Whether the user may change the request (no audit: the caller refuses and audits). */
    public boolean mayEdit(KinshipUser user, String id) {
        return requests.findById(id).filter(r -> permits(scope(user, Action.VIEW), r))
                .filter(r -> permits(scope(user, Action.EDIT), r)).isPresent();
    }

    /** The request as stored, for the matching engine's own use (no scope, no audit). */
    public Optional<TracingRequest> find(String id) {
        return requests.findById(id);
    }

    /**
     * Records on the request that a case is (or is no longer) one of the sought children: a link and a history
     * entry {@code links/<caseId>}. The user must be able to see the request.
     */
    public TracingRequest recordLink(KinshipUser user, String id, String soughtChild, String caseId, String caseNumber,
            boolean linked) {
        for (int attempt = 0; ; attempt++) {
            TracingRequest before = visible(user, id, Action.VIEW);
            Instant now = clock.instant();
            List<TracingRequest.TracingLink> links = new ArrayList<>(before.links());
            links.removeIf(link -> link.caseId().equals(caseId) && link.soughtChildId().equals(soughtChild));
            if (linked) {
                links.add(new TracingRequest.TracingLink(soughtChild, caseId, caseNumber, user.id(), now));
            }
            long next = before.version() + 1;
            TracingRequestChange change = new TracingRequestChange("links/" + caseId, linked ? null : caseNumber,
                    linked ? caseNumber : null, user.id(), now, next);
            try {
                TracingRequest after = requests.update(new TracingRequest(id, before.requestNumber(), before.formId(),
                        before.formVersion(), before.data(), before.ownerId(), before.agencyCode(), before.createdAt(),
                        before.createdBy(), now, user.id(), links, next), before.version(), List.of(change));
                audit.record(AuditActor.of(user), AuditActions.RECORD_CHANGE, "tracing_request", id,
                        AuditOutcome.SUCCESS, Map.of("change", linked ? "linked" : "unlinked", "case", caseId,
                                "version", String.valueOf(next)));
                return after;
            } catch (org.kinship.shared.StaleVersionException e) {
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** How many children the request seeks. */
    public int soughtChildren(TracingRequest request) {
        Object children = request.data().get(settings.requestChildren());
        return children instanceof java.util.Collection<?> items ? items.size() : 0;
    }

    /**
     * The stable ids of the request's sought children, in the order of the repeating group (a request stored
     * before ids were given answers positions until the start-up migration gave them ids).
     */
    public List<String> soughtChildIds(TracingRequest request) {
        List<String> ids = new ArrayList<>();
        if (request.data().get(settings.requestChildren()) instanceof java.util.Collection<?> items) {
            for (Object item : items) {
                Object id = item instanceof Map<?, ?> child ? child.get(TracingRequest.CHILD_ID) : null;
                ids.add(id instanceof String text && !text.isBlank() ? text : String.valueOf(ids.size()));
            }
        }
        return ids;
    }

    /** The latest published version of the tracing request form. */
    public FormVersion publishedForm() {
        return forms.latestVersion(settings.requestForm()).orElseThrow(() -> new TracingRefusedException(
                TracingRefusedException.Reason.CONFLICT, "tracing.request.noForm", settings.requestForm()));
    }

    /**
     * The data validated by the form, each sought child keeping its stable id: the ids are taken out before the
     * form sees the data and given back afterwards. A child sent with an id the request already gives keeps it
     * (so a reordered or shortened list keeps every child's matches); a child sent without one (a client that does
     * not keep ids) takes the id of the child previously at its position, unless another child claimed that id; a
     * new child, or one sent with an unknown id, gets a new id.
     */
    private Map<String, Object> validated(FormVersion form, Map<String, Object> data,
            @org.jspecify.annotations.Nullable Map<String, Object> previous, List<String> previousIds,
            Locale locale) {
        String field = settings.requestChildren();
        List<@org.jspecify.annotations.Nullable String> sent = new ArrayList<>();
        Map<String, Object> withoutIds = withoutChildIds(data, field, sent);
        ValidatedData result = forms.validateData(form.ref(), withoutIds,
                previous == null ? null : withoutChildIds(previous, field, new ArrayList<>()), locale);
        if (!result.valid()) {
            throw new InvalidTracingRequestException(result.problems());
        }
        Map<String, Object> clean = new java.util.LinkedHashMap<>(result.data());
        if (clean.get(field) instanceof List<?> items) {
            List<String> ids = childIds(items.size(), sent, previousIds);
            List<Object> children = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> child = new java.util.LinkedHashMap<>();
                child.put(TracingRequest.CHILD_ID, ids.get(i));
                if (items.get(i) instanceof Map<?, ?> values) {
                    values.forEach((key, value) -> child.put(String.valueOf(key), value));
                }
                children.add(child);
            }
            clean.put(field, children);
        }
        return clean;
    }

    private static Map<String, Object> withoutChildIds(Map<String, Object> data, String field,
            List<@org.jspecify.annotations.Nullable String> sent) {
        if (!(data.get(field) instanceof List<?> items)) {
            return data;
        }
        List<Object> children = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> values) {
                Map<String, Object> child = new java.util.LinkedHashMap<>();
                values.forEach((key, value) -> child.put(String.valueOf(key), value));
                Object id = child.remove(TracingRequest.CHILD_ID);
                sent.add(id instanceof String text && !text.isBlank() ? text : null);
                children.add(child);
            } else {
                sent.add(null);
                children.add(item);
            }
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(data);
        copy.put(field, children);
        return copy;
    }

    private static List<String> childIds(int count, List<@org.jspecify.annotations.Nullable String> sent,
            List<String> previousIds) {
        Set<String> known = new java.util.HashSet<>(previousIds);
        Set<String> used = new java.util.HashSet<>();
        String[] ids = new String[count];
        for (int i = 0; i < count && i < sent.size(); i++) {
            String id = sent.get(i);
            if (id != null && known.contains(id) && used.add(id)) {
                ids[i] = id;
            }
        }
        for (int i = 0; i < count; i++) {
            if (ids[i] != null) {
                continue;
            }
            boolean sentNone = i >= sent.size() || sent.get(i) == null;
            if (sentNone && i < previousIds.size() && used.add(previousIds.get(i))) {
                ids[i] = previousIds.get(i);
            } else {
                ids[i] = Ids.newId();
                used.add(ids[i]);
            }
        }
        return List.of(ids);
    }

    private TracingRequest visible(KinshipUser user, String id, Action action) {
        TracingRequest request = requests.findById(id).filter(r -> permits(scope(user, Action.VIEW), r))
                .orElseThrow(() -> new TracingRequestNotFoundException(id));
        if (action != Action.VIEW && !permits(scope(user, action), request)) {
            throw permissions.deny(user, Resource.TRACING_REQUEST, action, id, "out_of_scope");
        }
        return request;
    }

    private RecordScope scope(KinshipUser user, Action action) {
        return permissions.scopeFor(user, Resource.TRACING_REQUEST, action);
    }

    private static boolean permits(RecordScope scope, TracingRequest request) {
        return scope.permits(request.ownerId(), List.of(), List.of(), request.agencyCode());
    }
}
