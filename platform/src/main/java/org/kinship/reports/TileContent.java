package org.kinship.reports;

import java.util.List;

/**
 * What one dashboard tile shows: a title, a headline figure and its break-down, each linking to the list it
 * counts. A link is a UI route with the list's filters as query parameters (the case list takes the
 * parameters of {@code GET /api/v1/cases}: {@code cases?status=OPEN&owner=<user id>&riskLevel=high}).
 */
public record TileContent(String id, String title, long total, String link, List<TileFigure> figures, int order) {

    public TileContent {
        figures = List.copyOf(figures);
    }

    /** One figure of a tile: a translated label, the count and the filtered list it links to. */
    public record TileFigure(String key, String label, long count, String link) {
    }
}
