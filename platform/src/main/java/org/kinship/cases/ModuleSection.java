package org.kinship.cases;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One section of a module: its id inside the case file, the published form it is filled with, its position,
 * its label per language and what each role may do with it.
 *
 * @param formVersion the published version to fill it with, or {@link #LATEST} ({@code 0}) for the form's latest
 *                    published version at the time of each save (the default module follows the standard forms
 *                    this way, so republishing or upgrading them needs no module change). Whatever the setting,
 *                    the case records in its {@link CaseSection} the version each section was last saved with.
 * @param roleAccess  per role name, whether the section is {@link SectionAccess#EDIT editable},
 *                    {@link SectionAccess#READ read-only} or {@link SectionAccess#HIDDEN hidden}; a role not listed
 *                    may edit. A user gets the widest access of their roles, never more than their case
 *                    permissions allow ({@code case:edit} in scope for editing). See ADR 0010.
 */
public record ModuleSection(String id, String formId, int formVersion, int order, Map<String, String> label,
        Map<String, SectionAccess> roleAccess) {

    /** {@link #formVersion()} value meaning "the latest published version". */
    public static final int LATEST = 0;

    public ModuleSection {
        if (formVersion < 0) {
            throw new IllegalArgumentException("A form version is 0 (latest published) or a published version");
        }
        label = label == null ? Map.of() : Map.copyOf(label);
        roleAccess = roleAccess == null ? Map.of() : Map.copyOf(roleAccess);
    }

    /** A section every role may edit. */
    public ModuleSection(String id, String formId, int formVersion, int order, Map<String, String> label) {
        this(id, formId, formVersion, order, label, Map.of());
    }

    /** True when saves use the form's latest published version. */
    public boolean followsLatest() {
        return formVersion == LATEST;
    }

    /** What holders of {@code role} may do with this section, before their case permissions limit it. */
    public SectionAccess accessFor(String role) {
        return roleAccess.getOrDefault(role, SectionAccess.EDIT);
    }

    /** This section with another access for one role. */
    public ModuleSection withAccess(String role, @Nullable SectionAccess access) {
        Map<String, SectionAccess> changed = new java.util.HashMap<>(roleAccess);
        if (access == null) {
            changed.remove(role);
        } else {
            changed.put(role, access);
        }
        return new ModuleSection(id, formId, formVersion, order, label, changed);
    }
}
