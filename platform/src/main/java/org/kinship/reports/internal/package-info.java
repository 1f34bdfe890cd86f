/**
 * The report read model over the {@code cases} collection (ADR 0012), the report engine, MongoDB repositories
 * of saved reports and aggregate imports, Excel / CSV writers and readers, and the REST API.
 */
@NullMarked
package org.kinship.reports.internal;

import org.jspecify.annotations.NullMarked;
