/**
 * Administration screens: agencies, user accounts, user groups, roles and the audit log. They call the
 * security and audit services, which enforce every rule (ADR 0005); the screens only show the services'
 * refusals in the user's language.
 */
@NullMarked
package org.kinship.ui.admin;

import org.jspecify.annotations.NullMarked;
