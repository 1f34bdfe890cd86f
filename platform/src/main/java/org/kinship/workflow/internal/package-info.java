@NullMarked
package org.kinship.workflow.internal;

import org.jspecify.annotations.NullMarked;
