package org.kinship.reports;

import java.util.List;
import java.util.Map;

/**
 * A monthly aggregate report agreed by the agencies of a coordination: which categories each agency counts for
 * a month, from which case module, and below which count a cell is suppressed. Versions are immutable: an
 * agency's file names the id and version it was produced with, and only files of the same version are added up.
 *
 * @param periodField          the date field that puts a case in the month ({@code @registeredAt}: new cases)
 * @param suppressionThreshold counts from 1 to this minus one are not published
 */
public record AggregateDefinition(String id, int version, Map<String, String> name, String module,
        String periodField, int suppressionThreshold, List<AggregateCategory> categories) {

    public AggregateDefinition {
        name = Map.copyOf(name);
        categories = List.copyOf(categories);
    }

    public String nameIn(String language) {
        return name.getOrDefault(language, name.getOrDefault("en", id));
    }

    public java.util.Optional<AggregateCategory> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }
}
