/**
 * Live case files in the browser: the case list (served from the case index, page by page), registration
 * and the case file with its sections (generated from the module's published forms), notes, flags,
 * attachments, history, closing and reopening. Every read and write goes through the cases feature's
 * services, which apply the user's scope; a case outside it looks like an unknown page.
 */
@NullMarked
package org.kinship.ui.cases;

import org.jspecify.annotations.NullMarked;
