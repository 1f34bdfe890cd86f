package org.kinship.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which form fields of a module feed the case list and its filters: name parts (free text), sex, age in
 * years, date of birth ({@code yyyy-MM-dd}, preferred over the age), current location code and risk level.
 * Fields are looked up in every section of the case (the first section that has a value wins), so the risk
 * level may come from an assessment while the names come from the registration.
 *
 * @param estimatedAge a second age field used when {@code age} has no value (the standard registration computes
 *                     {@code age} from the date of birth and asks for {@code estimated_age} only without one)
 */
public record IndexedFields(List<String> names, String sex, String age, String dateOfBirth, String location,
        String riskLevel, @Nullable String estimatedAge) {

    public IndexedFields {
        names = List.copyOf(names);
    }

    public IndexedFields(List<String> names, String sex, String age, String dateOfBirth, String location,
            String riskLevel) {
        this(names, sex, age, dateOfBirth, location, riskLevel, null);
    }

    /**
     * The field names of the harmonised child protection templates ({@code form-templates}: registration and
     * initial assessment).
     */
    public static IndexedFields standard() {
        return new IndexedFields(List.of("given_name", "family_name", "other_names"), "sex", "age",
                "date_of_birth", "current_location", "risk_level", "estimated_age");
    }
}
