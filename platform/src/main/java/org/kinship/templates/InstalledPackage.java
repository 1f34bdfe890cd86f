package org.kinship.templates;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDiff;

/**
 * A package installed here: its manifest, when and by whom, the key that signed it (absent for the bundled
 * standard set), and per form and lookup what this instance changed since (its local adaptations).
 */
public record InstalledPackage(PackageManifest manifest, Instant installedAt, String installedBy,
        @Nullable String signedBy, List<String> forms, List<String> lookups, List<LocalAdaptation> adaptations,
        List<LookupAdaptation> lookupAdaptations) {

    /** How the local draft of a form differs from what the package installed. */
    public record LocalAdaptation(String formId, FormDiff diff) {
    }

    /** How the stored lookup differs from what the package installed. */
    public record LookupAdaptation(String lookupId, LookupDiff diff) {
    }

    public InstalledPackage {
        forms = List.copyOf(forms);
        lookups = List.copyOf(lookups);
        adaptations = List.copyOf(adaptations);
        lookupAdaptations = List.copyOf(lookupAdaptations);
    }
}
