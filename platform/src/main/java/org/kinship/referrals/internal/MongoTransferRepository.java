package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.jspecify.annotations.Nullable;
import org.kinship.referrals.Transfer;
import org.kinship.referrals.TransferStatus;
import org.kinship.shared.internal.mongo.DocumentMapper;
import org.springframework.stereotype.Repository;

/** Transfers and transfer requests in {@code transfers}. */
@Repository
public class MongoTransferRepository {

    private static final int MAX = 500;

    private final VersionedCollection<Transfer> transfers;

    MongoTransferRepository(MongoDatabase database, DocumentMapper mapper) {
        this.transfers = new VersionedCollection<>(database.getCollection("transfers"), mapper, Transfer.class,
                "transfer");
        transfers.index(Indexes.ascending("caseId"), "case");
        transfers.index(Indexes.ascending("toUserId"), "to_user");
        transfers.index(Indexes.ascending("fromUserId"), "from_user");
        transfers.index(Indexes.ascending("requestedBy"), "requested_by");
    }

    public Optional<Transfer> find(String id) {
        return transfers.find(id);
    }

    public Transfer insert(Transfer transfer) {
        return transfers.insert(transfer, transfer.id());
    }

    public Transfer replace(long expectedVersion, Transfer next) {
        return transfers.replace(next.id(), expectedVersion, next);
    }

    public List<Transfer> ofCase(String caseId) {
        return transfers.find(eq("caseId", caseId), Sorts.descending("createdAt"), MAX);
    }

    public Optional<Transfer> pendingOfCase(String caseId) {
        return ofCase(caseId).stream().filter(t -> t.status() == TransferStatus.PENDING).findFirst();
    }

    /** Transfers the user asked for, offered to them or to their agency, or asked of them as owner. */
    public List<Transfer> involving(String userId, @Nullable String agencyCode) {
        var filter = agencyCode == null
                ? or(eq("requestedBy", userId), eq("toUserId", userId), eq("fromUserId", userId))
                : or(eq("requestedBy", userId), eq("toUserId", userId), eq("fromUserId", userId),
                        eq("toAgencyCode", agencyCode));
        return transfers.find(filter, Sorts.descending("createdAt"), MAX);
    }
}
