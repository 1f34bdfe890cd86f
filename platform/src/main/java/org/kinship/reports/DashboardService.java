package org.kinship.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.kinship.i18n.SupportedLocales;
import org.kinship.security.KinshipUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Collects every {@link DashboardTile} bean's content for a user. A tile that fails is left out (and logged
 * by id, without data) so that one broken feature does not take the home page down.
 */
@Service
public class DashboardService {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardService.class);

    private final List<DashboardTile> tiles;
    private final Clock clock;

    DashboardService(List<DashboardTile> tiles, Clock clock) {
        this.tiles = tiles.stream().sorted(Comparator.comparingInt(DashboardTile::order)).toList();
        this.clock = clock;
    }

    public Dashboard dashboard(KinshipUser user, Locale locale) {
        Locale language = SupportedLocales.bestMatch(locale);
        List<TileContent> contents = new ArrayList<>();
        for (DashboardTile tile : tiles) {
            try {
                tile.contentFor(user, language).ifPresent(contents::add);
            } catch (RuntimeException e) {
                LOG.warn("Dashboard tile {} failed: {}", tile.id(), e.getClass().getSimpleName());
            }
        }
        return new Dashboard(contents, clock.instant());
    }
}
