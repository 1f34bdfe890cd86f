package org.kinship.cases;

import java.util.List;

/** One page of a case list and how many cases match in all. */
public record CasePage(List<CaseSummary> items, long total, int page, int size) {

    public CasePage {
        items = List.copyOf(items);
    }
}
