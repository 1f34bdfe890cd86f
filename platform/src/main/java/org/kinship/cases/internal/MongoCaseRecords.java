package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseLinked;
import org.kinship.cases.CaseRecords;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.security.KinshipUser;
import org.springframework.stereotype.Component;

/**
 * {@link CaseRecords} on the case repository, with sensitive values decrypted (the projections built from it, like
 * the matching index, need the names; ADR 0010); links are written through the gate like every other change.
 */
@Component
class MongoCaseRecords implements CaseRecords {

    private final MongoCaseFileRepository cases;
    private final CaseGate gate;
    private final CaseCrypto crypto;
    private final Clock clock;

    MongoCaseRecords(MongoCaseFileRepository cases, CaseGate gate, CaseCrypto crypto, Clock clock) {
        this.cases = cases;
        this.gate = gate;
        this.crypto = crypto;
        this.clock = clock;
    }

    @Override
    public Optional<CaseFile> find(String caseId) {
        return cases.findById(caseId).map(crypto::open);
    }

    @Override
    public void forEach(Consumer<CaseFile> action) {
        cases.forEach(file -> action.accept(crypto.open(file)));
    }

    @Override
    public long count() {
        return cases.count();
    }

    @Override
    public @Nullable Object openStoredValue(String caseId, String section, String field, @Nullable Object stored) {
        return crypto.openValue(caseId, section, field, stored);
    }

    @Override
    public CaseFile recordLink(KinshipUser user, String caseId, String kind, String targetId, String targetNumber,
            boolean linked) {
        if (!kind.matches("[a-z_]+") || targetId.isBlank()) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.unreadable");
        }
        return gate.write(user, caseId, CaseAction.VIEW, null, file -> {
            Instant now = clock.instant();
            String path = "links/" + kind + "/" + targetId;
            return new CaseGate.Change(
                    Updates.combine(Updates.set("updatedAt", Date.from(now)), Updates.set("updatedBy", user.id())),
                    List.of(gate.change(path, linked ? null : targetNumber, linked ? targetNumber : null, user,
                            file.version() + 1)),
                    after -> new CaseLinked(caseId, kind, targetId, linked, after.version(), user.id(), now));
        });
    }
}
