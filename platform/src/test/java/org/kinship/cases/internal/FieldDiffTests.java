package org.kinship.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldDiffTests {

    @Test
    void numbersOfDifferentTypesWithTheSameValueAreNoChange() {
        assertThat(FieldDiff.changedFields(Map.of("age", 9L, "score", 1.50), Map.of("age", 9, "score", 1.5))).isEmpty();
    }

    @Test
    void addedRemovedAndChangedFieldsAreAllReported() {
        assertThat(FieldDiff.changedFields(Map.of("a", "x", "b", "y"), Map.of("b", "z", "c", "w")))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void nestedGroupsCompareByContent() {
        Map<String, Object> before = Map.of("family", List.of(Map.of("name", "Ali", "age", 30L)));

        assertThat(FieldDiff.changedFields(before, Map.of("family", List.of(Map.of("name", "Ali", "age", 30)))))
                .isEmpty();
        assertThat(FieldDiff.changedFields(before, Map.of("family", List.of(Map.of("name", "Ali", "age", 31)))))
                .containsExactly("family");
    }
}
