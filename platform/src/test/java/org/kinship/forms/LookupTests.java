package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LookupTests {

    private final Lookup places = new Lookup("places", Map.of("en", "Places"), List.of(
            LookupValue.of("nk", Map.of("en", "North Kivu", "fr", "Nord-Kivu")),
            new LookupValue("goma", Map.of("en", "Goma"), false, "nk"),
            new LookupValue("rutshuru", Map.of("en", "Rutshuru"), true, "nk")), 3);

    @Test
    void retiringKeepsTheValueButNoLongerOffersIt() {
        Lookup retired = places.retire("goma");

        assertThat(retired.value("goma")).hasValueSatisfying(v -> assertThat(v.retired()).isTrue());
        assertThat(retired.activeValues()).extracting(LookupValue::value).containsExactly("nk");
        assertThat(places.value("goma")).hasValueSatisfying(v -> assertThat(v.retired()).isFalse());
    }

    @Test
    void deletingRemovesTheValueAndUnknownValuesAreAnError() {
        assertThat(places.without("goma").values()).extracting(LookupValue::value).containsExactly("nk", "rutshuru");
        assertThatThrownBy(() -> places.without("kinshasa")).isInstanceOf(LookupNotFoundException.class);
        assertThatThrownBy(() -> places.retire("kinshasa")).isInstanceOf(LookupNotFoundException.class);
    }

    @Test
    void aHierarchyIsBrowsedFromTheTopLevelDown() {
        assertThat(places.childrenOf(null)).extracting(LookupValue::value).containsExactly("nk");
        assertThat(places.childrenOf("nk")).extracting(LookupValue::value).containsExactly("goma", "rutshuru");
    }

    @Test
    void labelsFallBackToEnglishThenToTheCode() {
        LookupValue nk = places.value("nk").orElseThrow();

        assertThat(nk.labelIn("fr")).isEqualTo("Nord-Kivu");
        assertThat(nk.labelIn("ar")).isEqualTo("North Kivu");
        assertThat(new LookupValue("x", Map.of(), false, null).labelIn("es")).isEqualTo("x");
    }
}
