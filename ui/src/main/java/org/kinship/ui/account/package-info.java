/**
 * The signed-in user's own account: password change and the TOTP second factor, and the guard that sends
 * users who must enrol a second factor to it before anything else.
 */
@NullMarked
package org.kinship.ui.account;

import org.jspecify.annotations.NullMarked;
