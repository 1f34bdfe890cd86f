package org.kinship.cases.internal;

import java.util.Optional;

import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.springframework.stereotype.Component;

/** Routing facts read from the case document by id. */
@Component
class MongoCaseRoutingService implements CaseRoutingService {

    private final MongoCaseFileRepository cases;

    MongoCaseRoutingService(MongoCaseFileRepository cases) {
        this.cases = cases;
    }

    @Override
    public Optional<CaseRouting> find(String caseId) {
        return cases.findById(caseId).map(CaseRouting::of);
    }
}
