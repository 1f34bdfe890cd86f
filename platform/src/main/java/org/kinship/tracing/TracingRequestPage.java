package org.kinship.tracing;

import java.util.List;

/** One page of the tracing requests a user may see, newest first, and how many there are in all. */
public record TracingRequestPage(List<TracingRequest> items, long total, int page, int size) {

    public TracingRequestPage {
        items = List.copyOf(items);
    }
}
