package org.kinship.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProviderSheetsTests {

    @Test
    void columnsAreNamedByTheirSpreadsheetLetterAndHeader() {
        assertThat(ProviderSheets.column(0, "id")).isEqualTo("A (id)");
        assertThat(ProviderSheets.column(27, "x")).isEqualTo("AB (x)");
    }

    @Test
    void csvKeepsQuotedCommasAndLinesAndDefusesFormulas() {
        byte[] written = Csv.write(List.of(List.of("name", "note"), List.of("A, \"B\"", "=1+1"), List.of("two\nlines", "")));
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).contains("'=1+1");
        assertThat(Csv.read(written)).containsExactly(List.of("name", "note"), List.of("A, \"B\"", "=1+1"),
                List.of("two\nlines", ""));
    }
}
