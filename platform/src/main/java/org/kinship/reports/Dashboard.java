package org.kinship.reports;

import java.time.Instant;
import java.util.List;

/** A user's dashboard: the tiles that apply to them, in order, computed at {@code computedAt}. */
public record Dashboard(List<TileContent> tiles, Instant computedAt) {

    public Dashboard {
        tiles = List.copyOf(tiles);
    }
}
