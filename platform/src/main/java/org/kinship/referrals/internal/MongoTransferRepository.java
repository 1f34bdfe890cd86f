package org.kinship.referrals.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Comparator;
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

    private static final Comparator<Transfer> NEWEST_FIRST = Comparator.comparing(Transfer::createdAt).reversed()
            .thenComparing(Transfer::id);

    private final VersionedCollection<Transfer> transfers;
    private final RecordLookups<Transfer> lookups;

    MongoTransferRepository(MongoDatabase database, DocumentMapper mapper) {
        this.transfers = new VersionedCollection<>(database.getCollection("transfers"), mapper, Transfer.class,
                "transfer");
        this.lookups = new RecordLookups<>(database.getCollection("transfers_lookups"),
                MongoTransferRepository::keys, Transfer::id);
        if (lookups.isEmpty()) {
            transfers.forEach(lookups::add); // transfers stored before the lookups existed
        }
        // used by a real MongoDB when a list is long enough for the plain filter (RecordLookups)
        transfers.index(Indexes.ascending("caseId"), "case");
        transfers.index(Indexes.ascending("toUserId"), "to_user");
        transfers.index(Indexes.ascending("fromUserId"), "from_user");
        transfers.index(Indexes.ascending("requestedBy"), "requested_by");
    }

    /** A transfer is listed by its case and by everyone involved (who asked, the owner's side, the recipient). */
    static List<String> keys(Transfer transfer) {
        List<String> keys = new ArrayList<>(List.of("case:" + transfer.caseId(), "user:" + transfer.requestedBy(),
                "user:" + transfer.fromUserId()));
        if (transfer.toUserId() != null) {
            keys.add("user:" + transfer.toUserId());
        }
        if (transfer.toAgencyCode() != null) {
            keys.add("agency:" + transfer.toAgencyCode());
        }
        return keys.stream().distinct().toList();
    }

    public Optional<Transfer> find(String id) {
        return transfers.find(id);
    }

    public Transfer insert(Transfer transfer) {
        lookups.add(transfer);
        return transfers.insert(transfer, transfer.id());
    }

    public Transfer replace(long expectedVersion, Transfer next) {
        return transfers.replace(next.id(), expectedVersion, next);
    }

    public List<Transfer> ofCase(String caseId) {
        return lookups.find(List.of("case:" + caseId), transfers::byIds, t -> true, NEWEST_FIRST, MAX,
                () -> transfers.find(eq("caseId", caseId), Sorts.descending("createdAt"), 100_000));
    }

    public Optional<Transfer> pendingOfCase(String caseId) {
        return ofCase(caseId).stream().filter(t -> t.status() == TransferStatus.PENDING).findFirst();
    }

    /** Transfers the user asked for, offered to them or to their agency, or asked of them as owner. */
    public List<Transfer> involving(String userId, @Nullable String agencyCode) {
        List<String> keys = agencyCode == null ? List.of("user:" + userId)
                : List.of("user:" + userId, "agency:" + agencyCode);
        var plain = agencyCode == null
                ? or(eq("requestedBy", userId), eq("toUserId", userId), eq("fromUserId", userId))
                : or(eq("requestedBy", userId), eq("toUserId", userId), eq("fromUserId", userId),
                        eq("toAgencyCode", agencyCode));
        return lookups.find(keys, transfers::byIds, t -> true, NEWEST_FIRST, MAX,
                () -> transfers.find(plain, Sorts.descending("createdAt"), 100_000));
    }
}
