package org.kinship.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAction;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseQuery;
import org.kinship.security.RecordScope;
import org.kinship.security.KinshipUser;
import org.springframework.stereotype.Service;

/**
 * Case lists from the case index; the user's scope is part of every query. Users who may see no sensitive values
 * ({@code case:view_sensitive}) search by case number only, and rows whose name is sensitive show it masked unless
 * the user may see the case's sensitive values.
 */
@Service
class LuceneCaseListService implements CaseListService {

    private final CaseIndex index;
    private final CaseAccessPolicy policy;
    private final Clock clock;

    LuceneCaseListService(CaseIndex index, CaseAccessPolicy policy, Clock clock) {
        this.index = index;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CasePage list(KinshipUser user, CaseQuery query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        RecordScope sensitive = policy.scopeFor(user, CaseAction.VIEW_SENSITIVE);
        return index.search(CaseIndexQueries.query(query, policy.scopeFor(user, CaseAction.VIEW), today,
                sensitive.allowsAny()), CaseIndexQueries.sort(query), query.page(), query.size(), today, sensitive);
    }
}
