package org.kinship.referrals;

import org.jspecify.annotations.Nullable;

/**
 * Why a provider (or a spreadsheet row) is refused: the row (1 = the header row of a sheet; absent for a single
 * provider), the column or field, and the translated message.
 */
public record DirectoryProblem(@Nullable Integer row, String column, String message) {
}
