/**
 * MongoDB repositories, the Lucene case index, default port implementations and the REST API of case files.
 */
@NullMarked
package org.kinship.cases.internal;

import org.jspecify.annotations.NullMarked;
