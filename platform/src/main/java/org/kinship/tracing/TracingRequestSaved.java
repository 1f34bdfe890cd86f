package org.kinship.tracing;

import java.util.List;

/**
 * A tracing request was created or changed (published after it is stored). Ids only.
 *
 * @param removedSoughtChildren stable ids of the sought children the change removed from the request
 */
public record TracingRequestSaved(String requestId, long version, List<String> removedSoughtChildren) {

    public TracingRequestSaved {
        removedSoughtChildren = List.copyOf(removedSoughtChildren);
    }
}
