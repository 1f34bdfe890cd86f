/**
 * Report views: the home page dashboard tiles, the report builder (fields, groupings, filters, table with
 * totals, chart, save and share, export) and aggregate reports (produce and export an agency's monthly file,
 * import agencies' files, consolidated report).
 */
@NullMarked
package org.kinship.ui.reports;

import org.jspecify.annotations.NullMarked;
