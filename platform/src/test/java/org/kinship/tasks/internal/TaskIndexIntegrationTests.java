package org.kinship.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionDeniedException;
import org.kinship.security.UserAccountService;
import org.kinship.shared.Ids;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskCounts;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskNotFoundException;
import org.kinship.tasks.TaskProjection;
import org.kinship.tasks.TaskState;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox answered from the task index: scope inside the query, the record-task rule, the due filters and order,
 * counts, every projection write reaching the index, and the repair of a missing or behind index from MongoDB.
 */
@PlatformIntegrationTest
class TaskIndexIntegrationTests {

    private static final AtomicInteger AGENCY = new AtomicInteger();

    @Autowired
    TaskInboxService inbox;
    @Autowired
    TaskProjection projection;
    @Autowired
    MongoTaskRepository repository;
    @Autowired
    TaskIndex index;
    @Autowired
    TaskIndexer indexer;
    @Autowired
    UserAccountService accounts;
    @Autowired
    Clock clock;

    CaseTestUsers users;
    String agency;
    String otherAgency;
    Instant now;

    @BeforeEach
    void setUp() {
        users = new CaseTestUsers(accounts);
        int n = AGENCY.incrementAndGet();
        agency = "TIX" + n;
        otherAgency = "TIY" + n;
        now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Test
    void listsOnlyTasksInTheUsersScopeSortedByDueThenRisk() {
        KinshipUser worker = users.worker(agency);
        KinshipUser colleague = users.worker(agency);
        KinshipUser stranger = users.worker(otherAgency);
        InboxTask later = task(worker, worker.id(), now.plus(Duration.ofDays(3)), "low");
        InboxTask soonLow = task(worker, worker.id(), now.plus(Duration.ofDays(2)), "low");
        InboxTask soonHigh = task(worker, worker.id(), now.plus(Duration.ofDays(2)), "high");
        InboxTask undated = task(worker, worker.id(), null, "high");
        InboxTask colleagues = task(colleague, colleague.id(), now.plus(Duration.ofDays(1)), "high");
        InboxTask strangers = task(stranger, stranger.id(), now.plus(Duration.ofDays(1)), "high");
        List.of(later, soonLow, soonHigh, undated, colleagues, strangers).forEach(projection::open);

        assertThat(ids(inbox.myTasks(worker, TaskFilter.ALL, 100)))
                .containsExactly(soonHigh.id(), soonLow.id(), later.id(), undated.id());
        assertThat(ids(inbox.myTasks(worker, TaskFilter.ALL, 2))).containsExactly(soonHigh.id(), soonLow.id());
        assertThat(ids(inbox.myTasks(stranger, TaskFilter.ALL, 100))).containsExactly(strangers.id());

        KinshipUser supervisor = users.supervisor(agency);
        assertThat(ids(inbox.teamTasks(supervisor, TaskFilter.ALL, 100))).containsExactly(colleagues.id(),
                soonHigh.id(), soonLow.id(), later.id(), undated.id());
        assertThatThrownBy(() -> inbox.teamTasks(worker, TaskFilter.ALL, 100))
                .isInstanceOf(PermissionDeniedException.class);

        assertThat(ids(inbox.caseTasks(worker, later.caseId()))).containsExactly(later.id());
        assertThat(inbox.caseTasks(stranger, later.caseId())).isEmpty();
        assertThatThrownBy(() -> inbox.get(stranger, later.id())).isInstanceOf(TaskNotFoundException.class);
        InboxTask read = inbox.get(worker, later.id());
        assertThat(read.caseId()).isEqualTo(later.caseId());
        assertThat(read.due()).isEqualTo(later.due());
    }

    @Test
    void unassignedTasksReachTheRolesInScopeAndRecordTasksTheirNamedAssignee() {
        KinshipUser worker = users.worker(agency);
        KinshipUser recipient = users.worker(otherAgency);
        InboxTask offered = task(worker, null, now.plus(Duration.ofDays(1)), "medium");
        InboxTask offeredElsewhere = task(recipient, null, now.plus(Duration.ofDays(1)), "medium");
        InboxTask referral = withFormKey(task(worker, recipient.id(), now.plus(Duration.ofDays(1)), "medium"),
                "record:referral");
        InboxTask section = task(worker, recipient.id(), now.plus(Duration.ofDays(1)), "medium");
        List.of(offered, offeredElsewhere, referral, section).forEach(projection::open);

        assertThat(ids(inbox.myTasks(worker, TaskFilter.ALL, 100))).containsExactly(offered.id());
        // the referral's recipient answers the record task of a case outside their scope, not its section tasks
        assertThat(ids(inbox.myTasks(recipient, TaskFilter.ALL, 100)))
                .containsExactlyInAnyOrder(offeredElsewhere.id(), referral.id());
        assertThat(inbox.get(recipient, referral.id()).id()).isEqualTo(referral.id());
        assertThatThrownBy(() -> inbox.get(recipient, section.id())).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void dueFiltersAndCountsFollowTheClockAndTheOverdueFlag() {
        KinshipUser worker = users.worker(agency);
        InboxTask late = task(worker, worker.id(), now.minus(Duration.ofHours(1)), "low");
        InboxTask flagged = task(worker, worker.id(), now.plus(Duration.ofDays(5)), "low");
        InboxTask today = task(worker, worker.id(), endOfDay().minus(Duration.ofMillis(1)), "low");
        InboxTask upcoming = task(worker, worker.id(), endOfDay(), "low");
        InboxTask undated = task(worker, worker.id(), null, "low");
        List.of(late, flagged, today, upcoming, undated).forEach(projection::open);
        assertThat(projection.flagOverdue(flagged.processInstanceId(), flagged.taskDefinitionKey())).isTrue();

        assertThat(ids(inbox.myTasks(worker, TaskFilter.OVERDUE, 100))).containsExactly(late.id(), flagged.id());
        assertThat(inbox.myTasks(worker, TaskFilter.OVERDUE, 100).get(1).overdue()).isTrue();
        assertThat(ids(inbox.myTasks(worker, TaskFilter.DUE_TODAY, 100))).containsExactly(today.id());
        assertThat(ids(inbox.myTasks(worker, TaskFilter.UPCOMING, 100))).containsExactly(upcoming.id(), undated.id());
        assertThat(inbox.counts(worker)).isEqualTo(new TaskCounts(5, 2, 1, 2, 0));
        KinshipUser supervisor = users.supervisor(agency);
        assertThat(inbox.counts(supervisor).teamOverdue()).isEqualTo(2);

        // moving a due date ahead clears the flag; completing removes the task from every list
        projection.due(flagged.id(), now.plus(Duration.ofDays(7)), now);
        projection.completed(late.id(), now, worker.id());
        assertThat(inbox.myTasks(worker, TaskFilter.OVERDUE, 100)).isEmpty();
        assertThat(inbox.counts(worker)).isEqualTo(new TaskCounts(4, 0, 1, 3, 0));
        assertThat(inbox.get(worker, late.id()).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(inbox.get(worker, late.id()).completedBy()).isEqualTo(worker.id());
    }

    @Test
    void aCaseChangeMovesItsTasksBetweenScopes() {
        KinshipUser worker = users.worker(agency);
        KinshipUser next = users.worker(otherAgency);
        InboxTask task = task(worker, null, now.plus(Duration.ofDays(1)), "low");
        projection.open(task);
        assertThat(ids(inbox.myTasks(worker, TaskFilter.ALL, 100))).containsExactly(task.id());

        projection.caseChanged(task.caseId(), next.id(), List.of(), List.of(), otherAgency, "high");

        assertThat(inbox.myTasks(worker, TaskFilter.ALL, 100)).isEmpty();
        List<InboxTask> moved = inbox.myTasks(next, TaskFilter.ALL, 100);
        assertThat(ids(moved)).containsExactly(task.id());
        assertThat(moved.getFirst().riskRank()).isZero();
        assertThat(moved.getFirst().agencyCode()).isEqualTo(otherAgency);
    }

    @Test
    void aMissingOrBehindIndexIsRebuiltFromMongoAndCommitsClearThePendingMarkers() {
        KinshipUser worker = users.worker(agency);
        InboxTask task = task(worker, worker.id(), now.plus(Duration.ofDays(1)), "low");
        projection.open(task);
        indexer.commit();
        assertThat(repository.pendingIds()).doesNotContain(task.id());

        // the index lost its documents (a crash with an older index directory): the start repair rebuilds it
        index.deleteAll();
        assertThat(inbox.myTasks(worker, TaskFilter.ALL, 100)).isEmpty();
        indexer.repair();
        assertThat(ids(inbox.myTasks(worker, TaskFilter.ALL, 100))).containsExactly(task.id());
        assertThat((long) index.count()).isEqualTo(repository.countOpen());
    }

    private Instant endOfDay() {
        return TaskIndexQueries.endOfDay(now);
    }

    private InboxTask task(KinshipUser owner, @Nullable String assignee, @Nullable Instant due, String risk) {
        String step = "followUp";
        return new InboxTask(Ids.newId(), Ids.newId(), "TIX-1", Ids.newId(), step, "Follow-up", step, step, false,
                assignee, List.of("case_worker"), owner.id(), List.of(), List.of(), owner.agencyCode(), due, risk,
                InboxTask.riskRank(risk), TaskState.OPEN, false, now.minus(Duration.ofDays(1)), null, null);
    }

    private static InboxTask withFormKey(InboxTask t, String formKey) {
        return new InboxTask(t.id(), t.caseId(), t.caseNumber(), t.processInstanceId(), t.taskDefinitionKey(),
                t.name(), formKey, null, false, t.assignee(), t.candidateRoles(), t.ownerId(), t.assignedIds(),
                t.groupIds(), t.agencyCode(), t.due(), t.riskLevel(), t.riskRank(), t.state(), t.overdue(),
                t.createdAt(), t.completedAt(), t.completedBy());
    }

    private static List<String> ids(List<InboxTask> tasks) {
        return tasks.stream().map(InboxTask::id).toList();
    }
}
