package org.kinship.referrals.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kinship.i18n.Messages;
import org.kinship.referrals.DirectoryProblem;
import org.kinship.referrals.InvalidDirectoryDataException;
import org.kinship.referrals.ProviderContact;
import org.kinship.referrals.ProviderDetails;
import org.kinship.referrals.ServiceProvider;
import org.springframework.stereotype.Component;

/**
 * The directory as a spreadsheet, one provider per row under a header row, in {@code xlsx} or {@code csv}.
 * Lists (services, places, sexes, languages) are separated by {@code ;}. Reading names every malformed cell by
 * row (the header is row 1) and column.
 */
@Component
public class ProviderSheets {

    /** The columns, in the order they are written. */
    public static final List<String> COLUMNS = List.of("id", "name", "agency", "services", "locations", "min_age",
            "max_age", "sexes", "languages", "response_hours", "contact_person", "contact_phone", "contact_email",
            "contact_address", "active");
    private static final Set<String> REQUIRED = Set.of("name", "agency", "services", "locations", "response_hours");
    static final int MAX_ROWS = 5_000;

    /** One provider read from a sheet; {@code id} absent for a new provider. */
    public record Row(int number, @Nullable String id, ProviderDetails details) {
    }

    private final Messages messages;

    ProviderSheets(Messages messages) {
        this.messages = messages;
    }

    public List<Row> read(byte[] content, String format, Locale locale) {
        List<List<String>> cells = switch (format) {
            case "xlsx" -> Xlsx.read(content, () -> refuse(1, "-", locale, "referrals.sheet.unreadable"));
            case "csv" -> Csv.read(content);
            default -> throw refuse(null, "format", locale, "referrals.sheet.format", format);
        };
        if (cells.isEmpty()) {
            throw refuse(1, "-", locale, "referrals.sheet.empty");
        }
        if (cells.size() > MAX_ROWS + 1) {
            throw refuse(MAX_ROWS + 2, "-", locale, "referrals.sheet.tooManyRows", MAX_ROWS);
        }
        List<String> header = cells.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<DirectoryProblem> problems = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).isEmpty() && !COLUMNS.contains(header.get(c))) {
                problems.add(problem(1, column(c, header.get(c)), locale, "referrals.sheet.unknownColumn"));
            }
        }
        REQUIRED.stream().filter(r -> !header.contains(r)).sorted()
                .forEach(r -> problems.add(problem(1, r, locale, "referrals.sheet.missingColumn")));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryDataException(problems);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(row(r + 1, header, line, problems, locale));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryDataException(problems);
        }
        return rows;
    }

    public byte[] write(List<ServiceProvider> providers, String format) {
        List<List<String>> table = new ArrayList<>();
        table.add(COLUMNS);
        for (ServiceProvider p : providers) {
            table.add(List.of(p.id(), p.name(), p.agencyCode(), String.join(";", p.services()),
                    String.join(";", p.locations()), number(p.minAge()), number(p.maxAge()),
                    String.join(";", p.sexes().stream().sorted().toList()),
                    String.join(";", p.languages().stream().sorted().toList()), String.valueOf(p.responseHours()),
                    p.contact().person(), p.contact().phone(), p.contact().email(), p.contact().address(),
                    String.valueOf(p.active())));
        }
        return switch (format) {
            case "xlsx" -> Xlsx.write(table);
            case "csv" -> Csv.write(table);
            default -> throw new IllegalArgumentException("Unknown sheet format " + format);
        };
    }

    private Row row(int number, List<String> header, List<String> line, List<DirectoryProblem> problems,
            Locale locale) {
        Map<String, String> v = new java.util.HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            v.put(header.get(c), c < line.size() ? line.get(c).strip() : "");
        }
        Integer minAge = integer(v, "min_age", header, number, problems, locale);
        Integer maxAge = integer(v, "max_age", header, number, problems, locale);
        Integer hours = integer(v, "response_hours", header, number, problems, locale);
        Boolean active = null;
        String activeText = v.getOrDefault("active", "").toLowerCase(Locale.ROOT);
        if (!activeText.isEmpty()) {
            if (!Set.of("true", "false", "yes", "no", "1", "0").contains(activeText)) {
                problems.add(problem(number, column(header.indexOf("active"), "active"), locale,
                        "referrals.sheet.notYesNo"));
            }
            active = Set.of("true", "yes", "1").contains(activeText);
        }
        String id = v.getOrDefault("id", "");
        if (!id.isEmpty() && !ProviderChecks.CODE.matcher(id).matches()) {
            problems.add(problem(number, column(header.indexOf("id"), "id"), locale, "referrals.sheet.badId"));
        }
        ProviderDetails details = new ProviderDetails(v.get("name"), v.get("agency"), list(v.get("services")),
                list(v.get("locations")), new ProviderContact(v.getOrDefault("contact_person", ""),
                        v.getOrDefault("contact_phone", ""), v.getOrDefault("contact_email", ""),
                        v.getOrDefault("contact_address", "")),
                minAge, maxAge, new LinkedHashSet<>(list(v.get("sexes"))), new LinkedHashSet<>(list(v.get("languages"))),
                hours, active);
        return new Row(number, id.isEmpty() ? null : id, details);
    }

    private @Nullable Integer integer(Map<String, String> v, String name, List<String> header, int row,
            List<DirectoryProblem> problems, Locale locale) {
        String text = v.getOrDefault(name, "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value != Math.rint(value) || Math.abs(value) > 1_000_000) {
                throw new NumberFormatException(text);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            problems.add(problem(row, column(header.indexOf(name), name), locale, "referrals.sheet.notANumber"));
            return null;
        }
    }

    private static List<String> list(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String number(@Nullable Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** {@code D (min_age)}: the spreadsheet letter and the header. */
    static String column(int index, String name) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('A' + i % 26));
        }
        return letters + " (" + name + ")";
    }

    private DirectoryProblem problem(@Nullable Integer row, String column, Locale locale, String key, Object... args) {
        return new DirectoryProblem(row, column, messages.get(locale, key, args));
    }

    private InvalidDirectoryDataException refuse(@Nullable Integer row, String column, Locale locale, String key,
            Object... args) {
        return new InvalidDirectoryDataException(List.of(problem(row, column, locale, key, args)));
    }
}
