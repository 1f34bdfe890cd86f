package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseClosed;
import org.kinship.cases.CaseClosure;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFlag;
import org.kinship.cases.CaseFlagResolved;
import org.kinship.cases.CaseFlagged;
import org.kinship.cases.CaseNote;
import org.kinship.cases.CaseNoteAdded;
import org.kinship.cases.CaseReopened;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseStatus;
import org.kinship.security.KinshipUser;
import org.kinship.shared.Ids;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Component;

/** Notes, flags, closing and reopening: small writes, each with its history entry and its event. */
@Component
class CaseFileChanges {

    private static final int MAX_TEXT = 10_000;

    private final CaseGate gate;
    private final DocumentMapper mapper;
    private final Clock clock;

    CaseFileChanges(CaseGate gate, DocumentMapper mapper, Clock clock) {
        this.gate = gate;
        this.mapper = mapper;
        this.clock = clock;
    }

    CaseFile addNote(KinshipUser user, String caseId, @Nullable Long expected, String text) {
        String note = required(text);
        return gate.write(user, caseId, CaseAction.EDIT, expected, file -> {
            CaseNote added = new CaseNote(Ids.newId(), note, clock.instant(), user.id());
            return new CaseGate.Change(Updates.combine(Updates.push("notes", mapper.toBsonValue(added)), touched(user)),
                    List.of(gate.change("notes/" + added.id(), null, note, user, file.version() + 1)),
                    after -> new CaseNoteAdded(caseId, added.id(), after.version(), user.id(), added.writtenAt()));
        });
    }

    CaseFile flag(KinshipUser user, String caseId, @Nullable Long expected, String reason) {
        String why = required(reason);
        return gate.write(user, caseId, CaseAction.EDIT, expected, file -> {
            CaseFlag added = new CaseFlag(Ids.newId(), why, clock.instant(), user.id(), null, null, null);
            return new CaseGate.Change(Updates.combine(Updates.push("flags", mapper.toBsonValue(added)), touched(user)),
                    List.of(gate.change("flags/" + added.id(), null, why, user, file.version() + 1)),
                    after -> new CaseFlagged(caseId, added.id(), after.version(), user.id(), added.flaggedAt()));
        });
    }

    CaseFile resolveFlag(KinshipUser user, String caseId, @Nullable Long expected, String flagId, String comment) {
        String resolution = required(comment);
        return gate.write(user, caseId, CaseAction.EDIT, expected, file -> {
            CaseFlag flag = file.flag(flagId)
                    .orElseThrow(() -> new CaseRequestRefusedException(Reason.NOT_FOUND, "cases.flag.unknown", flagId));
            if (flag.resolved()) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.flag.resolved");
            }
            Instant now = clock.instant();
            List<CaseFlag> flags = file.flags().stream().map(f -> f.id().equals(flagId)
                    ? new CaseFlag(f.id(), f.reason(), f.flaggedAt(), f.flaggedBy(), now, user.id(), resolution)
                    : f).toList();
            return new CaseGate.Change(Updates.combine(Updates.set("flags", mapper.toBsonValue(flags)), touched(user)),
                    List.of(gate.change("flags/" + flagId + "/resolution", null, resolution, user, file.version() + 1)),
                    after -> new CaseFlagResolved(caseId, flagId, after.version(), user.id(), now));
        });
    }

    CaseFile close(KinshipUser user, String caseId, @Nullable Long expected, String reason) {
        String why = required(reason);
        return gate.write(user, caseId, CaseAction.CLOSE, expected, file -> {
            if (!file.isOpen()) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.alreadyClosed");
            }
            CaseClosure closure = new CaseClosure(why, clock.instant(), user.id());
            long next = file.version() + 1;
            return new CaseGate.Change(Updates.combine(Updates.set("status", CaseStatus.CLOSED.name()),
                    Updates.set("closure", mapper.toBsonValue(closure)), touched(user)),
                    List.of(gate.change("status", CaseStatus.OPEN.name(), CaseStatus.CLOSED.name(), user, next),
                            gate.change("closure/reason", null, why, user, next)),
                    after -> new CaseClosed(caseId, after.version(), user.id(), closure.closedAt()));
        });
    }

    CaseFile reopen(KinshipUser user, String caseId, @Nullable Long expected, @Nullable String reason) {
        return gate.write(user, caseId, CaseAction.CLOSE, expected, file -> {
            if (file.isOpen() || file.closure() == null) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.notClosed");
            }
            long next = file.version() + 1;
            return new CaseGate.Change(Updates.combine(Updates.set("status", CaseStatus.OPEN.name()),
                    Updates.set("closure", null), touched(user)),
                    List.of(gate.change("status", CaseStatus.CLOSED.name(), CaseStatus.OPEN.name(), user, next),
                            gate.change("closure/reason", file.closure().reason(), reason, user, next)),
                    after -> new CaseReopened(caseId, after.version(), user.id(), after.updatedAt()));
        });
    }

    private org.bson.conversions.Bson touched(KinshipUser user) {
        return Updates.combine(Updates.set("updatedAt", Date.from(clock.instant())), Updates.set("updatedBy", user.id()));
    }

    private static String required(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.textRequired");
        }
        if (text.length() > MAX_TEXT) {
            throw new CaseRequestRefusedException(Reason.TOO_LARGE, "cases.textTooLong", MAX_TEXT);
        }
        return text.strip();
    }
}
