package org.kinship.cases;

import java.util.Map;

/**
 * One section of a module: its id inside the case file, the published form (and version) it is filled with,
 * its position and its label per language.
 */
public record ModuleSection(String id, String formId, int formVersion, int order, Map<String, String> label) {

    public ModuleSection {
        label = Map.copyOf(label);
    }
}
