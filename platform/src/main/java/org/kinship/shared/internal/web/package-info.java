@NullMarked
package org.kinship.shared.internal.web;

import org.jspecify.annotations.NullMarked;
