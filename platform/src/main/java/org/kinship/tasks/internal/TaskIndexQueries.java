package org.kinship.tasks.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.RecordScope;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskState;

/**
 * Builds the Lucene queries of the task inbox. The user's scope is always a clause of the query (as in
 * {@code CaseIndexQueries}), so a task of a case outside it is never read.
 */
final class TaskIndexQueries {

    private TaskIndexQueries() {
    }

    /** Open tasks. */
    static Query open() {
        return new TermQuery(new Term(TaskIndex.STATE, TaskState.OPEN.name()));
    }

    /** Every clause must hold. */
    static Query all(Query... clauses) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            all.add(clause, Occur.FILTER);
        }
        return all.build();
    }

    /**
     * The inbox's "my tasks" for a signed-in user whose case view scope is {@code view}: the agency's unassigned
     * record tasks (a referral to the agency) are offered to them only when they may view cases at all, the rule by
     * which the record's feature lets the agency's people answer.
     */
    static Query mine(KinshipUser user, RecordScope view) {
        return mine(user.id(), user.roles(), view, offeredAgency(user, view));
    }

    /** The agency whose unassigned record tasks the user may take: their own when they may view cases; else none. */
    static @Nullable String offeredAgency(KinshipUser user, RecordScope view) {
        return user.agencyCode() != null && view.level() != RecordScope.Level.NONE ? user.agencyCode() : null;
    }

    /**
     * The user's tasks: a record task assigned to them by name ({@link #recordTaskOf}), or, in a case within their
     * scope, assigned to them or unassigned and offered to one of their roles; or an unassigned record task offered to
     * {@code offeredAgency} (their agency, when they may act on its records; else {@code null}).
     */
    static Query mine(String userId, Collection<String> roles, RecordScope scope, @Nullable String offeredAgency) {
        BooleanQuery.Builder offered = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TaskIndex.ASSIGNEE, userId)), Occur.SHOULD);
        if (!roles.isEmpty()) {
            BooleanQuery.Builder anyRole = new BooleanQuery.Builder();
            roles.stream().sorted().forEach(role -> anyRole.add(new TermQuery(new Term(TaskIndex.ROLE, role)),
                    Occur.SHOULD));
            offered.add(all(new TermQuery(new Term(TaskIndex.UNASSIGNED, TaskIndex.TRUE)), anyRole.build()),
                    Occur.SHOULD);
        }
        BooleanQuery.Builder mine = new BooleanQuery.Builder().add(recordTaskOf(userId), Occur.SHOULD)
                .add(all(offered.build(), scope(scope)), Occur.SHOULD);
        if (offeredAgency != null) {
            mine.add(all(new TermQuery(new Term(TaskIndex.RECORD_TASK, TaskIndex.TRUE)),
                    new TermQuery(new Term(TaskIndex.UNASSIGNED, TaskIndex.TRUE)),
                    new TermQuery(new Term(TaskIndex.ROLE, InboxTask.agencyCandidate(offeredAgency)))), Occur.SHOULD);
        }
        return mine.build();
    }

    /**
     * A task of another feature's record process (form key {@code record:<kind>}) assigned to the user by name: its
     * recipient answers it even though the case is outside their scope.
     */
    static Query recordTaskOf(String userId) {
        return all(new TermQuery(new Term(TaskIndex.ASSIGNEE, userId)),
                new TermQuery(new Term(TaskIndex.RECORD_TASK, TaskIndex.TRUE)));
    }

    /** The same rule as {@link RecordScope#toMongoFilter}, on the case fields copied onto each task. */
    static Query scope(RecordScope scope) {
        if (scope.level() == RecordScope.Level.ALL) {
            return new MatchAllDocsQuery();
        }
        if (scope.level() == RecordScope.Level.NONE) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TaskIndex.OWNER, scope.userId())), Occur.SHOULD)
                .add(new TermQuery(new Term(TaskIndex.ASSIGNED, scope.userId())), Occur.SHOULD);
        if (scope.level() == RecordScope.Level.GROUP) {
            scope.groupIds().stream().sorted()
                    .forEach(g -> any.add(new TermQuery(new Term(TaskIndex.GROUP, g)), Occur.SHOULD));
        }
        if (scope.level() == RecordScope.Level.AGENCY && scope.agencyCode() != null) {
            any.add(new TermQuery(new Term(TaskIndex.AGENCY, scope.agencyCode())), Occur.SHOULD);
        }
        return any.build();
    }

    static Query caseId(String caseId) {
        return new TermQuery(new Term(TaskIndex.CASE, caseId));
    }

    /**
     * The due-date filter at {@code now}: overdue is the timer's flag or a due date in the past; due today is due
     * before the end of the current UTC day and not overdue; upcoming is due later or has no due date; approval is a
     * supervisor's approval task.
     */
    static Query filter(TaskFilter filter, Instant now) {
        long nowMillis = now.toEpochMilli();
        long endOfDay = endOfDay(now).toEpochMilli();
        Query flagged = new TermQuery(new Term(TaskIndex.OVERDUE, TaskIndex.TRUE));
        Query notFlagged = new TermQuery(new Term(TaskIndex.OVERDUE, Boolean.FALSE.toString()));
        return switch (filter) {
            case ALL -> new MatchAllDocsQuery();
            case OVERDUE -> new BooleanQuery.Builder().add(flagged, Occur.SHOULD)
                    .add(LongPoint.newRangeQuery(TaskIndex.DUE, Long.MIN_VALUE, nowMillis - 1), Occur.SHOULD).build();
            case DUE_TODAY -> all(notFlagged, LongPoint.newRangeQuery(TaskIndex.DUE, nowMillis, endOfDay - 1));
            case UPCOMING -> all(notFlagged, LongPoint.newRangeQuery(TaskIndex.DUE, endOfDay, Long.MAX_VALUE));
            case APPROVAL -> new TermQuery(new Term(TaskIndex.APPROVAL, TaskIndex.TRUE));
        };
    }

    static Instant endOfDay(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
