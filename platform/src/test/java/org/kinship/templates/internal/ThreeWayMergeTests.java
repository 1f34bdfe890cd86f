package org.kinship.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kinship.templates.Resolution;

import tools.jackson.databind.JsonNode;

class ThreeWayMergeTests {

    private static JsonNode json(String text) {
        return CanonicalJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static ThreeWayMerge.Result merge(String base, String local, String upstream) {
        return ThreeWayMerge.merge("form:f", json(base), json(local), json(upstream), Map.of());
    }

    @Test
    void aChangeOnOneSideOnlyIsTakenFromThatSide() {
        ThreeWayMerge.Result result = merge("{'a': 1, 'b': 1}", "{'a': 2, 'b': 1}", "{'a': 1, 'b': 3}");

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged()).isEqualTo(json("{'a': 2, 'b': 3}"));
    }

    @Test
    void fieldsAddedOnBothSidesAreAllKeptAndRequiredMergesAsASet() {
        ThreeWayMerge.Result result = merge(
                "{'properties': {'x': {}}, 'required': ['x']}",
                "{'properties': {'x': {}, 'mine': {}}, 'required': ['x', 'mine']}",
                "{'properties': {'x': {}, 'theirs': {}}, 'required': ['x', 'theirs']}");

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged().get("properties").propertyNames()).containsExactly("x", "mine", "theirs");
        assertThat(result.merged().get("required")).isEqualTo(json("['x', 'mine', 'theirs']"));
    }

    @Test
    void optionsAreMergedByTheirValue() {
        ThreeWayMerge.Result result = merge(
                "{'options': [{'value': 'a', 'label': {'en': 'A'}}, {'value': 'b', 'label': {'en': 'B'}}]}",
                "{'options': [{'value': 'a', 'label': {'en': 'A (ours)'}}, {'value': 'b', 'label': {'en': 'B'}}]}",
                "{'options': [{'value': 'a', 'label': {'en': 'A'}}, {'value': 'c', 'label': {'en': 'C'}}]}");

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged()).isEqualTo(json(
                "{'options': [{'value': 'a', 'label': {'en': 'A (ours)'}}, {'value': 'c', 'label': {'en': 'C'}}]}"));
    }

    @Test
    void theSameValueChangedDifferentlyIsAConflictKeptLocalUntilChosen() {
        ThreeWayMerge.Result result = merge("{'label': {'en': 'Name'}}", "{'label': {'en': 'Ours'}}",
                "{'label': {'en': 'Theirs'}}");

        assertThat(result.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.key()).isEqualTo("form:f/label/en");
            assertThat(conflict.local()).isEqualTo("Ours");
            assertThat(conflict.upstream()).isEqualTo("Theirs");
        });
        assertThat(result.merged().at("/label/en").asString()).isEqualTo("Ours");

        ThreeWayMerge.Result chosen = ThreeWayMerge.merge("form:f", json("{'label': {'en': 'Name'}}"),
                json("{'label': {'en': 'Ours'}}"), json("{'label': {'en': 'Theirs'}}"),
                Map.of("form:f/label/en", Resolution.UPSTREAM));
        assertThat(chosen.merged().at("/label/en").asString()).isEqualTo("Theirs");
    }

    @Test
    void removedUpstreamButChangedLocallyIsAConflictNotASilentLoss() {
        ThreeWayMerge.Result result = merge("{'a': {'x': 1}, 'b': 1}", "{'a': {'x': 2}, 'b': 1}", "{'b': 1}");

        assertThat(result.conflicts()).singleElement()
                .satisfies(conflict -> assertThat(conflict.upstream()).isNull());
        assertThat(result.merged().get("a")).isEqualTo(json("{'x': 2}"));
    }

    @Test
    void withoutABaseOnlyDifferencesAreConflicts() {
        ThreeWayMerge.Result result = ThreeWayMerge.merge("form:f", null, json("{'a': 1, 'b': 2}"),
                json("{'a': 1, 'b': 3, 'c': 4}"), Map.of());

        assertThat(result.conflicts()).extracting(conflict -> conflict.path()).containsExactly("/b");
        assertThat(result.merged().get("c").asInt()).isEqualTo(4);
    }
}
