package org.kinship.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.kinship.cases.CaseFile;
import org.kinship.reports.ReportIndexService;
import org.kinship.security.KinshipUser;
import org.kinship.tracing.MatchingService;
import org.kinship.tracing.internal.MatchingUpdates;
import org.springframework.context.ApplicationContext;

/**
 * Benchmarks only: fills the case collection quickly with cases exactly as registration stores them (the same
 * {@code MongoCaseFileService.prepare}: form validation, sealed sensitive values, history, workflow command, a
 * number drawn from the counter; the registering user's checks and teams resolved once per user), inserted in
 * batches of {@code insertMany}, put into the case index and the matching index as stored (no read back), the
 * reports read model brought in step by its own repair; but without the per-case events (no re-matching, no
 * workflow start, no audit entry per case). It is how a benchmark reaches 100,000 cases in minutes;
 * registration throughput is never measured with it, always through {@code CaseFileService.register}.
 */
public final class BenchmarkCaseLoader {

    /** One registration to load: who registers which data. */
    public record Registration(KinshipUser user, Map<String, Object> data) {
    }

    private final MongoCaseFileService service;
    private final MongoCaseFileRepository cases;
    private final CaseNumbers numbers;
    private final CaseIndexer index;
    private final CaseCrypto crypto;
    private final MatchingUpdates matchingUpdates;
    private final MatchingService matching;
    private final ReportIndexService reports;

    public BenchmarkCaseLoader(ApplicationContext context) {
        this.service = context.getBean(MongoCaseFileService.class);
        this.cases = context.getBean(MongoCaseFileRepository.class);
        this.numbers = context.getBean(CaseNumbers.class);
        this.index = context.getBean(CaseIndexer.class);
        this.crypto = context.getBean(CaseCrypto.class);
        this.matchingUpdates = context.getBean(MatchingUpdates.class);
        this.matching = context.getBean(MatchingService.class);
        this.reports = context.getBean(ReportIndexService.class);
    }

    /**
     * Inserts the registrations in batches of {@code batch} (numbers drawn per batch and registering user); call
     * {@link #reindex()} when done.
     */
    public void load(String moduleId, List<Registration> registrations, int batch) {
        // who registers in the module is checked and resolved once per user, each case's data as registration does
        Map<KinshipUser, MongoCaseFileService.Registering> registering = new java.util.HashMap<>();
        for (int start = 0; start < registrations.size(); start += batch) {
            List<Registration> slice = registrations.subList(start, Math.min(registrations.size(), start + batch));
            List<MongoCaseFileService.Registration> prepared = new ArrayList<>(slice.size());
            for (Registration registration : slice) {
                prepared.add(service.prepare(registering.computeIfAbsent(registration.user(),
                        user -> service.registering(user, moduleId)), registration.data(), Locale.ENGLISH));
            }
            Map<String, List<MongoCaseFileService.Registration>> byAgency = new java.util.LinkedHashMap<>();
            prepared.forEach(p -> byAgency.computeIfAbsent(String.valueOf(p.draft().agencyCode()),
                    a -> new ArrayList<>()).add(p));
            List<MongoCaseFileService.Registration> ordered = new ArrayList<>(prepared.size());
            List<CaseFile> files = new ArrayList<>(prepared.size());
            List<Document> documents = new ArrayList<>(prepared.size());
            byAgency.values().forEach(group -> {
                List<String> drawn = numbers.reserve(group.getFirst().module(), group.getFirst().draft().agencyCode(),
                        group.size());
                for (int i = 0; i < group.size(); i++) {
                    MongoCaseFileService.Registration one = group.get(i);
                    ordered.add(one);
                    files.add(one.numbered(drawn.get(i)));
                    documents.add(cases.document(files.getLast(), one.history(), one.command()));
                }
            });
            insert(ordered, files, documents);
            // indexed as stored (the indexer's own put, marked pending until its commit), not read back; and
            // profiled into the matching index as a registration does (consent asked per case), without re-matching
            for (int i = 0; i < files.size(); i++) {
                index.indexStored(files.get(i), ordered.get(i).module().indexedFields());
                matching.index(matchingUpdates.caseProfile(crypto.open(files.get(i))));
            }
        }
    }

    private CaseFile number(MongoCaseFileService.Registration registration) {
        return registration.numbered(numbers.next(registration.module(), registration.draft().agencyCode()));
    }

    /** As registration does: a number the unique index refuses (first counter writes racing) is skipped. */
    private void insert(List<MongoCaseFileService.Registration> prepared, List<CaseFile> files,
            List<Document> documents) {
        try {
            cases.insertAll(documents);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                MongoCaseFileService.Registration again = prepared.get(error.getIndex());
                for (int attempt = 1; ; attempt++) {
                    CaseFile numbered = number(again);
                    try {
                        cases.insert(numbered, again.history(), again.command());
                        files.set(error.getIndex(), numbered);
                        break;
                    } catch (MongoWriteException duplicate) {
                        if (duplicate.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == 5) {
                            throw duplicate;
                        }
                    }
                }
            }
        }
    }

    /**
     * After a load: commits the case index (clearing the loaded cases' pending markers, as after registrations) and
     * the matching index, and brings the reports read model in step with the product's own repair (ADR 0020:
     * every case whose version it does not hold is read and indexed).
     */
    public void commitIndexes() {
        index.commit();
        matching.commit();
        reports.repair();
    }
}
