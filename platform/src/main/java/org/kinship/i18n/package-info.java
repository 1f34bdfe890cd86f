/**
 * The languages Kinship speaks (English, French, Spanish, Arabic, the last right-to-left) and the message
 * bundles every user-facing string comes from ({@code i18n/messages*.properties}).
 */
@NullMarked
package org.kinship.i18n;

import org.jspecify.annotations.NullMarked;
