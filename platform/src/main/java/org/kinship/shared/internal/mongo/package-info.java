@NullMarked
package org.kinship.shared.internal.mongo;

import org.jspecify.annotations.NullMarked;
