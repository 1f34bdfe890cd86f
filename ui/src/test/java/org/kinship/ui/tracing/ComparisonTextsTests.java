package org.kinship.ui.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupValue;
import org.kinship.tracing.Agreement;
import org.kinship.tracing.FieldComparison;
import org.kinship.tracing.MatchField;

class ComparisonTextsTests {

    private static final Lookup LOCATIONS = new Lookup("locations", Map.of("en", "Locations"), List.of(
            LookupValue.of("td", Map.of("en", "Chad", "fr", "Tchad")),
            new LookupValue("td-adre", Map.of("en", "Adré", "ar", "أدري"), false, "td")), 1);
    /** A deployment's own relationship lookup (kinship.tracing.relationship-lookup). */
    private static final Lookup RELATIONSHIPS = new Lookup("family_ties", Map.of("en", "Family ties"), List.of(
            LookupValue.of("mother", Map.of("en", "Mother", "fr", "Mère"))), 1);
    private static final Map<String, String> MESSAGES = Map.of("tracing.sex.MALE", "Masculin",
            "tracing.value.born", "né(e) vers {0} (± {1} ans)");

    private final ComparisonTexts french = new ComparisonTexts(
            id -> Optional.ofNullable(Map.of("locations", LOCATIONS, "family_ties", RELATIONSHIPS).get(id)),
            "locations", "family_ties", Locale.FRENCH, (key, parameters) -> MessageFormat.format(MESSAGES.get(key), parameters));

    private static FieldComparison compared(MatchField field, String left, String right) {
        return new FieldComparison(field, Agreement.AGREE, 1, left, right);
    }

    @Test
    void codesAndEnginesWordsAreShownInTheReadersLanguage() {
        assertThat(french.left(compared(MatchField.SEX, "MALE", "MALE"))).isEqualTo("Masculin");
        assertThat(french.left(compared(MatchField.AGE, "born 2013.4 ± 2.0", ""))).isEqualTo("né(e) vers 2013 (± 2 ans)");
        // a location path by its location's label (English when the lookup has none in French), a typed name as it is
        assertThat(french.left(compared(MatchField.PLACE, "TD/TD-ADRE; Kalma camp", ""))).isEqualTo("Adré; Kalma camp");
        assertThat(french.right(compared(MatchField.FAMILY, "", "Amina Yusuf (mother); Ali (uncle)")))
                .isEqualTo("Amina Yusuf (Mère); Ali (uncle)");
    }

    @Test
    void namesDatesAndUnknownShapesStayAsTheEngineWroteThem() {
        assertThat(french.left(compared(MatchField.NAME, "Aisha Mahmud (+ idris)", ""))).isEqualTo("Aisha Mahmud (+ idris)");
        assertThat(french.left(compared(MatchField.SEPARATION_DATE, "2024-03", ""))).isEqualTo("2024-03");
        assertThat(french.left(compared(MatchField.AGE, "about ten", ""))).isEqualTo("about ten");
        assertThat(french.left(compared(MatchField.PLACE, "XX/NOWHERE", ""))).isEqualTo("XX/NOWHERE");
        assertThat(french.right(compared(MatchField.SEX, "", ""))).isEmpty();
    }
}
