package org.kinship.shared.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DocumentMapperTests {

    private final DocumentMapper mapper = new DocumentMapper();

    record Sample(String id, String name, Instant at, @Nullable Instant missing, List<String> tags,
            Map<String, Object> data, long version) {
    }

    @Test
    void storesTheIdAsUnderscoreIdAndInstantsAsDates() {
        Instant at = Instant.parse("2026-11-21T08:30:00.123Z");
        Document document = mapper.toDocument(new Sample("s-1", "Amina", at, null, List.of("a"),
                Map.of("age", 9), 3));

        assertThat(document.get("_id")).isEqualTo("s-1");
        assertThat(document).doesNotContainKey("id");
        assertThat(document.get("at")).isEqualTo(Date.from(at));
    }

    @Test
    void readsBackWhatItWrote() {
        Sample sample = new Sample("s-2", "Yusuf", Instant.parse("2026-01-02T03:04:05.678Z"), null,
                List.of("x", "y"), Map.of("nested", Map.of("k", "v")), 7);

        assertThat(mapper.fromDocument(mapper.toDocument(sample), Sample.class)).isEqualTo(sample);
    }
}
