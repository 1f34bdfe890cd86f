package org.kinship.cases;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A case file as one user may see it, with what they may do with each section: hidden sections are left out
 * of {@code file}, and the values of sensitive fields the user may not see ({@code case:view_sensitive}) are
 * left out of the section data and named in {@link SectionView#masked()}. Every {@link CaseFile} that
 * {@link CaseFileService} answers is already reduced this way; the view adds the access per section so a UI
 * can render read-only sections and masked fields.
 *
 * @param sections one entry per section of the module the user may see, in the module's order
 */
public record CaseView(CaseFile file, List<SectionView> sections) {

    /** What a masked value is replaced with where a value must stay in place (history entries). */
    public static final String MASK = "***";

    public CaseView {
        sections = List.copyOf(sections);
    }

    public Optional<SectionView> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /**
     * One section as the user may use it.
     *
     * @param formVersion the published version a save of this section is validated against now (and the UI
     *                    should render for editing), {@code null} when the form is not published yet
     * @param masked      the fields of the stored data whose values are withheld from this user
     */
    public record SectionView(String id, String formId, @Nullable Integer formVersion, SectionAccess access,
            List<String> masked) {

        public SectionView {
            masked = List.copyOf(masked);
        }
    }
}
