/**
 * Reports on case data: pivot reports (rows x columns of choice, yes/no, number, date and location fields,
 * including fields inside repeating groups), saved and shared report definitions, the home page dashboard
 * (tiles from pluggable {@link org.kinship.reports.DashboardTile}s), de-identified monthly aggregate reports
 * with small-cell suppression and their consolidation across agencies, and Excel / CSV exports. Every figure is
 * computed from current data, within the user's {@link org.kinship.security.RecordScope}.
 */
@NullMarked
package org.kinship.reports;

import org.jspecify.annotations.NullMarked;
