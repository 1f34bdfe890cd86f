package org.kinship.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static Object eval(String rule, Map<String, ?> data) {
        return Rules.parse(rule).evaluate(RuleScope.of(data, TODAY));
    }

    private static boolean test(String rule, Map<String, ?> data) {
        return Rules.parse(rule).test(RuleScope.of(data, TODAY));
    }

    @Test
    void comparesNumbersWhateverTheirJavaType() {
        assertThat(test("age >= 18", Map.of("age", 18))).isTrue();
        assertThat(test("age >= 18", Map.of("age", 17.5))).isFalse();
        assertThat(test("age == 18.0", Map.of("age", 18L))).isTrue();
        assertThat(test("age != 3", Map.of("age", 4))).isTrue();
    }

    @Test
    void combinesConditionsWithAndOrNotAndParentheses() {
        Map<String, Object> data = Map.of("sex", "female", "age", 12, "separated", true);
        assertThat(test("sex == 'female' and age < 18", data)).isTrue();
        assertThat(test("sex == 'male' or separated", data)).isTrue();
        assertThat(test("not (separated && age < 18)", data)).isFalse();
        assertThat(test("!separated || sex == \"female\"", data)).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(test("true or false and false", Map.of())).isTrue();
        assertThat(test("(true or false) and false", Map.of())).isFalse();
    }

    @Test
    void inMatchesAListLiteralAndAMultipleChoiceAnswer() {
        assertThat(test("status in ['separated', 'unaccompanied']", Map.of("status", "separated"))).isTrue();
        assertThat(test("status not in ['separated']", Map.of("status", "orphan"))).isTrue();
        assertThat(test("'medical' in needs", Map.of("needs", List.of("food", "medical")))).isTrue();
        assertThat(test("needs in ['medical', 'legal']", Map.of("needs", List.of("food", "medical")))).isTrue();
    }

    @Test
    void computesArithmeticWithPrecedenceAndExactDecimals() {
        assertThat(eval("1 + 2 * 3", Map.of())).isEqualTo(new BigDecimal("7"));
        assertThat(eval("(boys + girls) * 2 - -1", Map.of("boys", 2, "girls", 3))).isEqualTo(new BigDecimal("11"));
        assertThat((BigDecimal) eval("0.1 + 0.2", Map.of())).isEqualByComparingTo("0.3");
        assertThat(eval("10 % 4", Map.of())).isEqualTo(new BigDecimal("2"));
        assertThat(eval("'Amina' + ' ' + 'K.'", Map.of())).isEqualTo("Amina K.");
    }

    @Test
    void aMissingValueOrADivisionByZeroGivesNullNotAnError() {
        assertThat(eval("weight / height", Map.of("weight", 30))).isNull();
        assertThat(eval("1 / 0", Map.of())).isNull();
        assertThat(test("missing > 3", Map.of())).isFalse();
        assertThat(test("missing == null", Map.of())).isTrue();
    }

    @Test
    void emptyIsTrueForMissingBlankAndEmptyLists() {
        assertThat(test("empty(a) and empty(b) and empty(c)", Map.of("b", " ", "c", List.of()))).isTrue();
        assertThat(test("empty(a)", Map.of("a", "x"))).isFalse();
    }

    @Test
    void ageCountsWholeYearsUntilTodayIncludingPartialDates() {
        assertThat(eval("age(dob)", Map.of("dob", "2010-11-22"))).isEqualTo(new BigDecimal("15"));
        assertThat(eval("age(dob)", Map.of("dob", "2010-11-21"))).isEqualTo(new BigDecimal("16"));
        assertThat(eval("age(dob)", Map.of("dob", "2012"))).isEqualTo(new BigDecimal("14"));
        assertThat(eval("age(dob)", Map.of("dob", "2012-12"))).isEqualTo(new BigDecimal("13"));
        assertThat(eval("age(dob)", Map.of("dob", "not a date"))).isNull();
        assertThat(test("age(dob) < 18", Map.of("dob", "2015-01-01"))).isTrue();
    }

    @Test
    void dateFunctionsCountBetweenTwoDates() {
        Map<String, Object> data = Map.of("from", "2020-01-15", "to", "2026-03-14T08:00:00Z");
        assertThat(eval("yearsBetween(from, to)", data)).isEqualTo(new BigDecimal("6"));
        assertThat(eval("monthsBetween(from, to)", data)).isEqualTo(new BigDecimal("73"));
        assertThat(eval("daysBetween('2026-11-01', today())", data)).isEqualTo(new BigDecimal("20"));
        assertThat(test("from < today()", data)).isTrue();
    }

    @Test
    void countSumRoundAndIf() {
        Map<String, Object> data = Map.of("children", List.of(Map.of(), Map.of()), "scores", List.of(1, 2.5));
        assertThat(eval("count(children)", data)).isEqualTo(new BigDecimal("2"));
        assertThat((BigDecimal) eval("sum(scores)", data)).isEqualByComparingTo("3.5");
        assertThat(eval("round(2 / 3, 2)", data)).isEqualTo(new BigDecimal("0.67"));
        assertThat(eval("if(count(children) > 1, 'siblings', 'alone')", data)).isEqualTo("siblings");
    }

    @Test
    void itemRefersToTheCurrentRepeatingGroupItemAndDottedNamesToNestedData() {
        Expression rule = Rules.parse("item.relation == 'mother' and household.size > 2");
        RuleScope scope = RuleScope.of(Map.of("household", Map.of("size", 4)), TODAY)
                .withItem(Map.of("relation", "mother"));

        assertThat(rule.test(scope)).isTrue();
        assertThat(rule.references()).containsExactlyInAnyOrder("item.relation", "household.size");
    }

    @Test
    void reportsReferencesAndFunctions() {
        Expression rule = Rules.parse("age(dob) < 18 and not empty(name)");

        assertThat(rule.references()).containsExactlyInAnyOrder("dob", "name");
        assertThat(rule.functions()).containsExactlyInAnyOrder("age", "empty");
    }

    @Test
    void rejectsSyntaxErrorsWithThePosition() {
        assertThatThrownBy(() -> Rules.parse("age >")).isInstanceOf(RuleSyntaxException.class);
        assertThatThrownBy(() -> Rules.parse("age = 3")).hasMessageContaining("==")
                .extracting(e -> ((RuleSyntaxException) e).position()).isEqualTo(4);
        assertThatThrownBy(() -> Rules.parse("(a == 1")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> Rules.parse("name == 'open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Rules.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Rules.parse("a b")).hasMessageContaining("unexpected 'b'");
    }

    @Test
    void refusesAnythingThatLooksLikeCodeOrAnUnknownFunction() {
        assertThatThrownBy(() -> Rules.parse("java.lang.Runtime.getRuntime().exec('rm')"))
                .isInstanceOf(RuleSyntaxException.class);
        assertThatThrownBy(() -> Rules.parse("System.exit(1)")).isInstanceOf(RuleSyntaxException.class);
        assertThatThrownBy(() -> Rules.parse("exec('x')")).hasMessageContaining("unknown function 'exec'");
        assertThatThrownBy(() -> Rules.parse("age(a, b)")).hasMessageContaining("age takes 1");
    }

    @Test
    void refusesOverlongAndDeeplyNestedRules() {
        assertThatThrownBy(() -> Rules.parse("a == 1 or ".repeat(300) + "a == 1")).hasMessageContaining("longer");
        assertThatThrownBy(() -> Rules.parse("(".repeat(60) + "1" + ")".repeat(60))).hasMessageContaining("nested");
    }
}
