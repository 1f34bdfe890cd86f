/** MongoDB repositories, REST controllers, spreadsheets and the case access grant of referrals. */
@NullMarked
package org.kinship.referrals.internal;

import org.jspecify.annotations.NullMarked;
