package org.kinship.cases;

import java.util.List;

/**
 * Which form fields of a module feed the case list and its filters: name parts (free text), sex, age in
 * years, date of birth ({@code yyyy-MM-dd}, preferred over the age), current location code and risk level.
 */
public record IndexedFields(List<String> names, String sex, String age, String dateOfBirth, String location,
        String riskLevel) {

    public IndexedFields {
        names = List.copyOf(names);
    }

    /** The field names of the harmonised child protection templates. */
    public static IndexedFields standard() {
        return new IndexedFields(List.of("name_first", "name_middle", "name_last", "name_nickname"), "sex", "age",
                "date_of_birth", "location_current", "risk_level");
    }
}
