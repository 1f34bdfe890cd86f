package org.kinship.cases.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CasePage;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseRequestRefusedException.Reason;
import org.kinship.cases.CaseStatus;
import org.kinship.security.KinshipUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases}: the case list from the index. Filters {@code module, status, riskLevel, owner,
 * agency, sex, minAge, maxAge, location, registeredFrom, registeredTo} (ISO dates) and {@code q} (names, case
 * number); {@code sort=field[,asc|desc]} with field one of {@code registeredAt, updatedAt, caseNumber, name,
 * age, riskLevel}; {@code page} (from 0) and {@code size} (up to 200).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseListController {

    private final CaseListService lists;

    CaseListController(CaseListService lists) {
        this.lists = lists;
    }

    @GetMapping
    CasePage list(@AuthenticationPrincipal KinshipUser user, @RequestParam @Nullable String module,
            @RequestParam @Nullable CaseStatus status, @RequestParam @Nullable String riskLevel,
            @RequestParam @Nullable String owner, @RequestParam @Nullable String agency,
            @RequestParam @Nullable String sex, @RequestParam @Nullable Integer minAge,
            @RequestParam @Nullable Integer maxAge, @RequestParam @Nullable String location,
            @RequestParam @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredFrom,
            @RequestParam @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredTo,
            @RequestParam @Nullable String q, @RequestParam(defaultValue = "registeredAt,desc") String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        String[] parts = sort.split(",");
        CaseQuery.SortField field = sortField(parts[0].strip());
        boolean descending = parts.length > 1 ? parts[1].strip().equalsIgnoreCase("desc") : false;
        return lists.list(user, new CaseQuery(module, status, riskLevel, owner, agency, sex, minAge, maxAge, location,
                registeredFrom, registeredTo, q, field, descending, page, size));
    }

    private static CaseQuery.SortField sortField(String name) {
        String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return CaseQuery.SortField.valueOf(constant);
        } catch (IllegalArgumentException e) {
            throw new CaseRequestRefusedException(Reason.BAD_REQUEST, "cases.list.badSort", name);
        }
    }
}
