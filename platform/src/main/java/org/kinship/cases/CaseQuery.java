package org.kinship.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Filters, order and page of a case list; every filter is optional. {@code location} matches the code and
 * every code below it in the location hierarchy (codes are prefixes of their children's). {@code text}
 * matches the beginnings of name parts and of the case number.
 */
public record CaseQuery(@Nullable String module, @Nullable CaseStatus status, @Nullable String riskLevel,
        @Nullable String ownerId, @Nullable String agencyCode, @Nullable String sex, @Nullable Integer minAge,
        @Nullable Integer maxAge, @Nullable String location, @Nullable LocalDate registeredFrom,
        @Nullable LocalDate registeredTo, @Nullable String text, SortField sort, boolean descending, int page,
        int size) {

    /** What a list can be ordered by. */
    public enum SortField {
        REGISTERED_AT, UPDATED_AT, CASE_NUMBER, NAME, AGE, RISK_LEVEL
    }

    public static final int MAX_SIZE = 200;

    public CaseQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new CaseRequestRefusedException(CaseRequestRefusedException.Reason.BAD_REQUEST, "cases.list.badPage",
                    MAX_SIZE);
        }
    }

    /** Every case, newest first, first page of 20. */
    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                SortField.REGISTERED_AT, true, 0, 20);
    }
}
