package org.kinship.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import com.mongodb.client.model.Updates;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseCustody;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseOwnerChanged;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseServiceRecorded;
import org.kinship.cases.FieldChange;
import org.springframework.stereotype.Service;

/** Owner changes and service records that the referrals feature authorised, through the case gate. */
@Service
class MongoCaseCustody implements CaseCustody {

    private final CaseGate gate;
    private final Clock clock;

    MongoCaseCustody(CaseGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public CaseFile changeOwner(String caseId, String newOwnerId, @Nullable String newAgencyCode, OwnerChange kind,
            String byUserId) {
        return gate.writeAuthorised(caseId, file -> {
            if (!file.isOpen()) {
                throw new CaseRequestRefusedException(Reason.CONFLICT, "cases.closed");
            }
            if (file.ownerId().equals(newOwnerId) && Objects.equals(file.agencyCode(), newAgencyCode)) {
                return CaseGate.Change.NONE;
            }
            Instant now = clock.instant();
            long next = file.version() + 1;
            List<FieldChange> history = new java.util.ArrayList<>();
            history.add(new FieldChange("ownerId", file.ownerId(), newOwnerId, byUserId, now, next));
            if (!Objects.equals(file.agencyCode(), newAgencyCode)) {
                history.add(new FieldChange("agencyCode", file.agencyCode(), newAgencyCode, byUserId, now, next));
            }
            return new CaseGate.Change(Updates.combine(Updates.set("ownerId", newOwnerId),
                    Updates.set("agencyCode", newAgencyCode), Updates.set("updatedAt", Date.from(now)),
                    Updates.set("updatedBy", byUserId)), history,
                    after -> new CaseOwnerChanged(caseId, file.ownerId(), newOwnerId, file.agencyCode(), newAgencyCode,
                            kind, after.version(), byUserId, now));
        });
    }

    @Override
    public CaseFile recordService(String caseId, String serviceRef, String serviceType,
            @Nullable String previousStatus, String status, String byUserId) {
        return gate.writeAuthorised(caseId, file -> {
            Instant now = clock.instant();
            return new CaseGate.Change(Updates.combine(Updates.set("updatedAt", Date.from(now)),
                    Updates.set("updatedBy", byUserId)),
                    List.of(new FieldChange("services/" + serviceRef + "/" + serviceType, previousStatus, status,
                            byUserId, now, file.version() + 1)),
                    after -> new CaseServiceRecorded(caseId, serviceRef, serviceType, status, after.version(),
                            byUserId, now));
        });
    }
}
