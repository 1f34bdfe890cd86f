/**
 * Live case files: registration with a readable case number, sections filled from published forms, field
 * history, optimistic versions, notes, flags, attachments, closing and reopening, and the case list served
 * from a search index. Sections are validated by the forms engine against published form versions; per-role
 * section access ({@link org.kinship.cases.SectionAccess}) and sensitive values (encrypted at rest, masked without
 * {@code case:view_sensitive}) follow ADR 0010. Other features plug in through the ports
 * {@link org.kinship.cases.CaseSectionValidator} and {@link org.kinship.cases.CaseAccessPolicy} and listen to the
 * {@link org.kinship.cases.CaseEvent}s.
 */
@NullMarked
package org.kinship.cases;

import org.jspecify.annotations.NullMarked;
