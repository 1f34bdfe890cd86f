package org.kinship.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;

class LocationHierarchyTests {

    private static final Lookup LOCATIONS = new Lookup("locations", Map.of("en", "Locations"), List.of(
            LookupValue.of("cd", Map.of("en", "DRC")), new LookupValue("nk", Map.of("en", "North Kivu"), false, "cd"),
            new LookupValue("nk-goma", Map.of("en", "Goma"), false, "nk"),
            new LookupValue("camp-3", Map.of("en", "Camp 3"), false, "nk-goma")), 0);

    @Test
    void aPlaceOfTheLookupLiesInItsParentsUpToTheTop() {
        assertThat(new LocationHierarchy(LOCATIONS).chain("Camp-3")).containsExactly("camp-3", "nk-goma", "nk", "cd");
    }

    @Test
    void withoutTheLookupTheCodeItselfNamesThePlacesAboveIt() {
        assertThat(new LocationHierarchy(null).chain("CD-NK-GOMA")).containsExactly("cd-nk-goma", "cd-nk", "cd");
        assertThat(new LocationHierarchy(null).knows("anything")).isTrue();
    }

    @Test
    void aPlaceTheLookupDoesNotKnowIsUnknownButStillWalksByItsCode() {
        LocationHierarchy places = new LocationHierarchy(LOCATIONS);
        assertThat(places.knows("nk")).isTrue();
        assertThat(places.knows("mars")).isFalse();
        assertThat(places.chain("nk-goma-x")).containsExactly("nk-goma-x", "nk-goma", "nk", "cd");
    }
}
