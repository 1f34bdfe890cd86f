package org.kinship.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.reports.DashboardService;
import org.kinship.reports.TileContent;
import org.kinship.reports.TileContent.TileFigure;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.shared.Ids;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskProjection;
import org.kinship.tasks.TaskState;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task tiles of the dashboard: each figure equals the length of the inbox list it links to, within the user's
 * scope (my tasks by due state, approvals waiting, a supervisor's team).
 */
@PlatformIntegrationTest
class TaskTilesIntegrationTests {

    @Autowired
    DashboardService dashboards;
    @Autowired
    TaskInboxService inbox;
    @Autowired
    TaskProjection projection;
    @Autowired
    UserAccountService accounts;
    @Autowired
    Clock clock;

    @Test
    void myTasksApprovalsAndTheTeamAreCountedAsTheInboxListsThem() {
        CaseTestUsers users = new CaseTestUsers(accounts);
        KinshipUser worker = users.worker("TTA");
        KinshipUser colleague = users.worker("TTA");
        KinshipUser stranger = users.worker("TTB");
        KinshipUser supervisor = users.supervisor("TTA");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant today = TaskIndexQueries.endOfDay(now).minusMillis(1);
        List<InboxTask> tasks = new ArrayList<>();
        tasks.add(task(worker, worker.id(), now.minus(Duration.ofDays(2)), false, false));
        tasks.add(task(worker, null, now.minus(Duration.ofHours(1)), false, false));
        tasks.add(task(worker, worker.id(), now.plus(Duration.ofDays(3)), true, false)); // overdue by its timer
        tasks.add(task(worker, worker.id(), today, false, false));
        tasks.add(task(worker, worker.id(), now.plus(Duration.ofDays(5)), false, false));
        tasks.add(task(worker, worker.id(), null, false, false));
        tasks.add(task(colleague, colleague.id(), now.minus(Duration.ofDays(1)), false, false));
        tasks.add(task(colleague, null, today, false, true)); // an approval offered to supervisors
        tasks.add(task(worker, null, now.minus(Duration.ofDays(1)), true, true));
        tasks.add(task(stranger, stranger.id(), now.minus(Duration.ofDays(1)), false, false));
        tasks.add(task(stranger, null, now.minus(Duration.ofDays(1)), false, true));
        tasks.forEach(projection::open);

        TileContent mine = tile(worker, TaskTiles.MINE).orElseThrow();
        assertThat(mine.total()).isEqualTo(inbox.myTasks(worker, TaskFilter.ALL, 500).size()).isEqualTo(6);
        assertThat(figures(mine)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "overdue", (long) inbox.myTasks(worker, TaskFilter.OVERDUE, 500).size(),
                "due_today", (long) inbox.myTasks(worker, TaskFilter.DUE_TODAY, 500).size(),
                "upcoming", (long) inbox.myTasks(worker, TaskFilter.UPCOMING, 500).size()));
        assertThat(figures(mine)).containsEntry("overdue", 3L).containsEntry("due_today", 1L);
        assertThat(mine.link()).isEqualTo("tasks");
        assertThat(mine.figures()).extracting(TileFigure::link)
                .containsExactly("tasks?filter=overdue", "tasks?filter=due", "tasks?filter=upcoming");
        assertThat(mine.title()).isEqualTo("My open tasks");
        assertThat(tile(worker, TaskTiles.APPROVALS)).as("a case worker approves nothing").isEmpty();
        assertThat(tile(worker, TaskTiles.TEAM)).as("a case worker has no team").isEmpty();

        TileContent approvals = tile(supervisor, TaskTiles.APPROVALS).orElseThrow();
        assertThat(approvals.total()).isEqualTo(inbox.myTasks(supervisor, TaskFilter.APPROVAL, 500).size())
                .isEqualTo(2);
        assertThat(figures(approvals)).containsEntry("overdue", 1L);
        assertThat(approvals.link()).isEqualTo("tasks?filter=approval");

        TileContent team = tile(supervisor, TaskTiles.TEAM).orElseThrow();
        assertThat(team.total()).isEqualTo(inbox.teamTasks(supervisor, TaskFilter.ALL, 500).size()).isEqualTo(9);
        assertThat(figures(team)).containsEntry("overdue",
                (long) inbox.teamTasks(supervisor, TaskFilter.OVERDUE, 500).size())
                .containsEntry("due_today", (long) inbox.teamTasks(supervisor, TaskFilter.DUE_TODAY, 500).size());
        assertThat(team.figures().getFirst().link()).isEqualTo("tasks?team=true&filter=overdue");

        TileContent french = dashboards.dashboard(supervisor, Locale.FRENCH).tiles().stream()
                .filter(t -> t.id().equals(TaskTiles.TEAM)).findFirst().orElseThrow();
        assertThat(french.title()).isEqualTo("Tâches ouvertes de mon équipe");
        assertThat(dashboards.dashboard(users.create(DefaultRoles.DATA_ANALYST, "TTA"), Locale.ENGLISH).tiles())
                .extracting(TileContent::id).noneMatch(id -> id.startsWith("tasks."));
    }

    private Optional<TileContent> tile(KinshipUser user, String id) {
        return dashboards.dashboard(user, Locale.ENGLISH).tiles().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static Map<String, Long> figures(TileContent tile) {
        return tile.figures().stream().collect(Collectors.toMap(TileFigure::key, TileFigure::count));
    }

    private InboxTask task(KinshipUser owner, @Nullable String assignee, @Nullable Instant due, boolean overdue,
            boolean approval) {
        String step = approval ? "approveAssessment" : "followUp";
        return new InboxTask(Ids.newId(), Ids.newId(), "TT-1", Ids.newId(), step, step,
                approval ? "approval:assessment" : step, approval ? "assessment" : step, approval, assignee,
                List.of(approval ? DefaultRoles.SUPERVISOR : DefaultRoles.CASE_WORKER), owner.id(), List.of(),
                List.of(), owner.agencyCode(), due, "medium", InboxTask.riskRank("medium"), TaskState.OPEN, overdue,
                clock.instant().minus(Duration.ofDays(1)), null, null);
    }
}
