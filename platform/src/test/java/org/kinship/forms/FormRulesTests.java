package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinship.forms.FormDefinitions.field;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void calculationsThatUseOtherCalculationsSettleWhateverTheirOrder() {
        FormSchema schema = FormDefinitions.aForm("chain")
                .field("total", field("integer", "calculated", "identity", "Total")).annotate("total", "calculate", "double + 1")
                .field("double", field("integer", "calculated", "identity", "Double")).annotate("double", "calculate", "base * 2")
                .field("base", field("integer", "integer", "identity", "Base"))
                .schema();

        FormState state = new FormRules(schema).apply(Map.of("full_name", "A", "base", 4), TODAY);

        assertThat(state.data()).containsEntry("double", 8L).containsEntry("total", 9L);
    }

    @Test
    void aCalculationDoesNotUseAHiddenValue() {
        FormSchema schema = FormDefinitions.aForm("hidden-input")
                .field("has_income", field("boolean", "yes_no", "identity", "Has income"))
                .field("income", field("number", "decimal", "identity", "Income"))
                .annotate("income", "visibleWhen", "has_income")
                .field("yearly", field("number", "calculated", "identity", "Yearly")).annotate("yearly", "calculate", "income * 12")
                .schema();

        FormState state = new FormRules(schema).apply(Map.of("has_income", false, "income", 10.5), TODAY);

        assertThat(state.data()).doesNotContainKeys("income", "yearly");
        assertThat(state.hidden()).containsExactly("/income");
    }

    @Test
    void decimalResultsAreStoredAsDecimalsAndWholeResultsAsWholeNumbers() {
        FormSchema schema = FormDefinitions.aForm("numbers")
                .field("a", field("number", "calculated", "identity", "A")).annotate("a", "calculate", "10 / 4")
                .field("b", field("integer", "calculated", "identity", "B")).annotate("b", "calculate", "10 / 5")
                .field("c", field("string", "calculated", "identity", "C")).annotate("c", "calculate", "'n' + 1")
                .schema();

        FormState state = new FormRules(schema).apply(Map.of(), TODAY);

        assertThat(state.data()).containsEntry("a", 2.5).containsEntry("b", 2L).containsEntry("c", "n1");
    }

    @Test
    void theRendererAsksVisibilityPerFieldAndPerGroupItem() {
        FormSchema schema = FormDefinitions.aRegistrationForm().schema();
        FormRules rules = new FormRules(schema);
        FormField grade = schema.field("siblings").orElseThrow().child("school_grade").orElseThrow();
        RuleScope scope = RuleScope.of(Map.of("separated", true), TODAY);

        assertThat(rules.isVisible(schema.field("separation_reason").orElseThrow(), scope)).isTrue();
        assertThat(rules.isVisible(grade, scope.withItem(Map.of("age", 7)))).isTrue();
        assertThat(rules.isVisible(grade, scope.withItem(Map.of("age", 3)))).isFalse();
        assertThat(rules.calculate(schema.field("age").orElseThrow(), RuleScope.of(Map.of("dob", "2020-01-01"), TODAY)))
                .isEqualTo(6L);
    }

    @Test
    void aHiddenRepeatingGroupIsRemovedWithAllItsItems() {
        FormSchema schema = FormDefinitions.aRegistrationForm().annotate("siblings", "visibleWhen", "separated").schema();
        Map<String, Object> data = new LinkedHashMap<>(Map.of("separated", false,
                "siblings", List.of(Map.of("name", "A", "age", 9, "school_grade", "P4"))));

        FormState state = new FormRules(schema).apply(data, TODAY);

        assertThat(state.data()).doesNotContainKey("siblings");
        assertThat(state.isHidden("/siblings")).isTrue();
    }

    @Test
    void aNewRecordStartsWithTheDefaultsOfTheForm() {
        FormSchema schema = FormDefinitions.aRegistrationForm().annotate("separated", "default", false)
                .annotate("needs", "default", List.of("food")).schema();

        assertThat(schema.defaults()).isEqualTo(Map.of("separated", false, "needs", List.of("food")));
    }
}
