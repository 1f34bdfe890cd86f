package org.kinship.tracing;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A date known to a year, a year and month, or a full day, as birth dates of separated children often are.
 *
 * @param year  the year
 * @param month 1-12, or {@code null} when only the year is known
 * @param day   1-31, or {@code null} when the day is not known (always {@code null} without a month)
 */
public record PartialDate(int year, @Nullable Integer month, @Nullable Integer day) {

    public PartialDate {
        if (day != null && month == null) {
            throw new IllegalArgumentException("A day needs a month");
        }
        if (month != null) {
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day != null && !yearMonth.isValidDay(day)) {
                throw new IllegalArgumentException("No such day: " + year + "-" + month + "-" + day);
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, null, null);
    }

    public static PartialDate ofYearMonth(int year, int month) {
        return new PartialDate(year, month, null);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Parses {@code 2015}, {@code 2015-03} or {@code 2015-03-02}. */
    public static PartialDate parse(String text) {
        String[] parts = text.trim().split("-");
        return switch (parts.length) {
            case 1 -> ofYear(Integer.parseInt(parts[0]));
            case 2 -> ofYearMonth(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            case 3 -> new PartialDate(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            default -> throw new IllegalArgumentException("Not a partial date: " + text);
        };
    }

    public boolean isFull() {
        return day != null;
    }

    /** The first day the date may stand for. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The last day the date may stand for. */
    public LocalDate latest() {
        if (month == null) {
            return LocalDate.of(year, 12, 31);
        }
        return day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    @Override
    public String toString() {
        if (month == null) {
            return Integer.toString(year);
        }
        return day == null ? "%04d-%02d".formatted(year, month) : "%04d-%02d-%02d".formatted(year, month, day);
    }
}
