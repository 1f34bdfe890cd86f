/**
 * Form definitions: JSON Schema (draft 2020-12) documents with {@code x-kinship} presentation annotations,
 * drafts and immutable published versions, lookups, one rule language for visibility and calculations
 * ({@link org.kinship.forms.Rules}), and validation of definitions ({@link org.kinship.forms.FormDefinitionValidator})
 * and of data ({@link org.kinship.forms.FormDataValidator}). See {@code docs/forms.md}.
 */
@NullMarked
package org.kinship.forms;

import org.jspecify.annotations.NullMarked;
