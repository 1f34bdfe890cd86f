package org.kinship.tracing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request from an inquirer (a parent, a relative) to find one or more children, filled with the published
 * tracing request form. Each sought child is matched against the cases on its own, as profile
 * {@link #soughtChildProfileId}. {@code version} grows by one with every write.
 *
 * @param requestNumber readable, unique, never reused number (for example {@code TR-IRC-2026-00007})
 * @param formId        the form the data was validated with
 * @param formVersion   its published version
 * @param data          the form data: inquirer fields and the repeating group of sought children
 * @param ownerId       the user responsible for the request (its creator at first)
 * @param agencyCode    the owner's agency when the request was created
 * @param links         cases confirmed as the sought children
 */
public record TracingRequest(String id, String requestNumber, String formId, int formVersion, Map<String, Object> data,
        String ownerId, @Nullable String agencyCode, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy, List<TracingLink> links, long version) {

    /**
     * A case confirmed to be one of the sought children.
     *
     * @param soughtChildId the stable id of the sought child ({@link #CHILD_ID} of its item in the repeating group)
     * @param caseId        the case
     * @param caseNumber    its readable number
     */
    public record TracingLink(String soughtChildId, String caseId, String caseNumber, String by, Instant at) {
    }

    /**
     * The key of a sought child's stable id inside its item of the repeating group: given when the child is added,
     * kept when the list is edited or reordered (ADR 0022).
     */
    public static final String CHILD_ID = "child_id";

    public TracingRequest {
        data = new LinkedHashMap<>(data);
        links = List.copyOf(links);
    }

    /** The profile id of a sought child: the request id and the child's stable id. */
    public static String soughtChildProfileId(String requestId, String childId) {
        return requestId + "~" + childId;
    }

    /** The request id of a sought child's profile id, or the id itself when it is no such profile id. */
    public static String requestIdOf(String profileId) {
        int at = profileId.lastIndexOf('~');
        return at < 0 ? profileId : profileId.substring(0, at);
    }

    /** The sought child's stable id of a profile id, or {@code null} when it is a case's profile id. */
    public static @Nullable String soughtChildIdOf(String profileId) {
        int at = profileId.lastIndexOf('~');
        return at < 0 || at == profileId.length() - 1 ? null : profileId.substring(at + 1);
    }
}
