package org.kinship.tracing;

/**
 * A tracing request was created or changed (published after it is stored). Ids and counts only.
 *
 * @param soughtChildren         how many children the request now seeks
 * @param previousSoughtChildren how many it sought before (0 for a new request)
 */
public record TracingRequestSaved(String requestId, long version, int soughtChildren, int previousSoughtChildren) {
}
