package org.kinship.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.lucene.search.Query;
import org.kinship.i18n.Messages;
import org.kinship.reports.DashboardTile;
import org.kinship.reports.TileContent;
import org.kinship.reports.TileContent.TileFigure;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.tasks.TaskFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task inbox's dashboard tiles (the {@link DashboardTile} SPI of reports): my open tasks (overdue, due today,
 * upcoming), approvals waiting for me (supervisors, or anyone with an approval waiting), and my team's open tasks
 * (overdue, due today) for supervisors. Every figure
 * is one exact count of the task index within the user's scope — the same queries as the inbox, so a figure and
 * the list it links to ({@code tasks?filter=overdue}, {@code tasks?team=true&filter=overdue}) always agree — and
 * costs the same at 1,000 or 100,000 open tasks.
 */
@Configuration(proxyBeanMethods = false)
class TaskTiles {

    static final String MINE = "tasks.mine";
    static final String APPROVALS = "tasks.approvals";
    static final String TEAM = "tasks.team";

    private final TaskIndex index;
    private final PermissionService permissions;
    private final Messages messages;
    private final Clock clock;

    TaskTiles(TaskIndex index, PermissionService permissions, Messages messages, Clock clock) {
        this.index = index;
        this.permissions = permissions;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    DashboardTile myTasksTile() {
        return DashboardTile.of(MINE, 40, (user, locale) -> {
            RecordScope view = scope(user, Action.VIEW);
            if (!view.allowsAny()) {
                return Optional.empty();
            }
            Query mine = mine(user, view);
            Instant now = clock.instant();
            long open = index.count(mine);
            long overdue = count(mine, TaskFilter.OVERDUE, now);
            long dueToday = count(mine, TaskFilter.DUE_TODAY, now);
            return Optional.of(new TileContent(MINE, messages.get(locale, "dashboard.tasks.mine"), open, "tasks",
                    List.of(figure(locale, "overdue", overdue, "tasks?filter=overdue"),
                            figure(locale, "due_today", dueToday, "tasks?filter=due"),
                            figure(locale, "upcoming", open - overdue - dueToday, "tasks?filter=upcoming")), 40));
        });
    }

    @Bean
    DashboardTile approvalsTile() {
        return DashboardTile.of(APPROVALS, 45, (user, locale) -> {
            RecordScope approving = scope(user, Action.APPROVE);
            if (!approving.allowsAny()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Query approvals = TaskIndexQueries.all(mine(user, scope(user, Action.VIEW)),
                    TaskIndexQueries.filter(TaskFilter.APPROVAL, now));
            long waiting = index.count(approvals);
            if (waiting == 0 && approving.level().compareTo(RecordScope.Level.GROUP) < 0) {
                return Optional.empty(); // nothing to approve for someone who approves only their own cases
            }
            long overdue = count(approvals, TaskFilter.OVERDUE, now);
            return Optional.of(new TileContent(APPROVALS, messages.get(locale, "dashboard.tasks.approvals"), waiting,
                    "tasks?filter=approval", List.of(figure(locale, "overdue", overdue, "tasks?filter=approval")), 45));
        });
    }

    @Bean
    DashboardTile teamTasksTile() {
        return DashboardTile.of(TEAM, 50, (user, locale) -> {
            RecordScope team = scope(user, Action.APPROVE);
            if (team.level().compareTo(RecordScope.Level.GROUP) < 0) {
                return Optional.empty();
            }
            Query open = TaskIndexQueries.all(TaskIndexQueries.open(), TaskIndexQueries.scope(team));
            Instant now = clock.instant();
            return Optional.of(new TileContent(TEAM, messages.get(locale, "dashboard.tasks.team"), index.count(open),
                    "tasks?team=true", List.of(
                            figure(locale, "overdue", count(open, TaskFilter.OVERDUE, now),
                                    "tasks?team=true&filter=overdue"),
                            figure(locale, "due_today", count(open, TaskFilter.DUE_TODAY, now),
                                    "tasks?team=true&filter=due")), 50));
        });
    }

    /** The inbox's "my tasks": assigned to me or offered to my roles, open, in cases I may see. */
    private static Query mine(KinshipUser user, RecordScope view) {
        return TaskIndexQueries.all(TaskIndexQueries.open(), TaskIndexQueries.mine(user, view));
    }

    private long count(Query base, TaskFilter filter, Instant now) {
        return index.count(TaskIndexQueries.all(base, TaskIndexQueries.filter(filter, now)));
    }

    private TileFigure figure(Locale locale, String key, long count, String link) {
        return new TileFigure(key, messages.get(locale, "tasks.filter." + key), count, link);
    }

    private RecordScope scope(KinshipUser user, Action action) {
        return permissions.scopeFor(user, Resource.CASE, action);
    }
}
