/** Package format, canonical JSON, Ed25519 signatures, the three-way merge, storage and the REST API. */
@NullMarked
package org.kinship.templates.internal;

import org.jspecify.annotations.NullMarked;
