package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kinship.forms.internal.Json;
import org.kinship.i18n.Messages;

/** The complete example of docs/forms.md is what an administrator will copy: it must stay valid. */
class FormsDocumentationTests {

    private static List<String> jsonBlocks() throws IOException {
        String markdown = Files.readString(Path.of("..", "docs", "forms.md"));
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    @Test
    void theDocumentedExampleFormIsValidAndFullyTranslated() throws IOException {
        DefinitionReport report = new FormDefinitionValidator(FormDefinitions.lookups(), new Messages())
                .validate(jsonBlocks().get(0), Locale.ENGLISH);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void theDocumentedExampleDataIsValidAndComputedAsDescribed() throws IOException {
        FormSchema schema = FormSchema.parse(jsonBlocks().get(0));
        FormDataValidator validator = new FormDataValidator(FormDefinitions.lookups(), new Messages(),
                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

        ValidatedData result = validator.validate(schema, Json.toMap(Json.read(jsonBlocks().get(1)).orElseThrow()), null,
                Locale.ENGLISH);

        assertThat(result.problems()).isEmpty();
        assertThat(result.data()).containsEntry("age", 12L);
        assertThat(result.hidden()).containsExactlyInAnyOrder("/age_estimate", "/siblings/1/school_grade");
    }
}
