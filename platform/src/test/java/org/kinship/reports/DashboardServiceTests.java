package org.kinship.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.security.KinshipUser;

class DashboardServiceTests {

    private final KinshipUser user = new KinshipUser("u1", "amina", "Amina", Set.of("case_worker"), "IRC", null);

    @Test
    void tilesOfEveryFeatureAppearInOrderAndAFailingTileIsLeftOut() {
        DashboardService service = new DashboardService(List.of(tile("referrals.by-status", 40, false),
                tile("tasks.overdue", 5, false), tile("broken", 1, true), notForThisUser()),
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

        Dashboard dashboard = service.dashboard(user, Locale.ENGLISH);

        assertThat(dashboard.tiles()).extracting(TileContent::id).containsExactly("tasks.overdue",
                "referrals.by-status");
        assertThat(dashboard.computedAt()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    private static DashboardTile tile(String id, int order, boolean failing) {
        return DashboardTile.of(id, order, (user, locale) -> {
            if (failing) {
                throw new IllegalStateException("index unavailable");
            }
            return Optional.of(new TileContent(id, id, 3, "tasks", List.of(), order));
        });
    }

    private static DashboardTile notForThisUser() {
        return DashboardTile.of("approvals.waiting", 50, (user, locale) -> Optional.empty());
    }
}
