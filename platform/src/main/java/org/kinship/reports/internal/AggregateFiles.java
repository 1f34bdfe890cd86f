package org.kinship.reports.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kinship.reports.AggregateCell;
import org.kinship.reports.AggregateReport;

/**
 * The exchange format of aggregate reports, as CSV or as an Excel sheet with the same rows: a header block
 * ({@code kinship-aggregate,1}, then {@code agency}, {@code definition}, {@code definitionVersion},
 * {@code period}, {@code generatedAt}, {@code suppressionThreshold}), an empty row, then one row per cell
 * ({@code category,value,label,count,percent,suppressed}). Reading is strict: anything else is a
 * {@link Malformed} naming the line.
 */
final class AggregateFiles {

    static final String SHEET = "Aggregate";
    static final String MARKER = "kinship-aggregate";
    static final String FORMAT_VERSION = "1";
    static final List<String> COLUMNS = List.of("category", "value", "label", "count", "percent", "suppressed");
    private static final List<String> HEADER_KEYS = List.of("agency", "definition", "definitionVersion", "period",
            "generatedAt", "suppressionThreshold");
    private static final int MAX_ROWS = 20_000;

    /** A file that is not a well-formed aggregate report; {@code line} counts from 1. */
    static final class Malformed extends Exception {
        private final int line;

        Malformed(int line, String problem) {
            super(problem);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** What a file declares and holds. */
    record Parsed(String agency, String definitionId, int definitionVersion, String period, int threshold,
            List<AggregateCell> cells) {
    }

    private AggregateFiles() {
    }

    static List<List<String>> rows(AggregateReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(MARKER, FORMAT_VERSION));
        rows.add(List.of("agency", report.agency()));
        rows.add(List.of("definition", report.definitionId()));
        rows.add(List.of("definitionVersion", String.valueOf(report.definitionVersion())));
        rows.add(List.of("period", report.period()));
        rows.add(List.of("generatedAt", report.generatedAt().toString()));
        rows.add(List.of("suppressionThreshold", String.valueOf(report.suppressionThreshold())));
        rows.add(List.of());
        rows.add(COLUMNS);
        for (AggregateCell cell : report.cells()) {
            rows.add(List.of(cell.category(), cell.value(), cell.label(),
                    cell.count() == null ? "" : String.valueOf(cell.count()),
                    cell.percent() == null ? "" : cell.percent().toPlainString(), cell.suppressed() ? "yes" : "no"));
        }
        return rows;
    }

    static byte[] csv(AggregateReport report) {
        StringBuilder text = new StringBuilder();
        rows(report).forEach(row -> text.append(Csv.line(row)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(AggregateReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            var bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<String>> rows = rows(report);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                boolean table = r > HEADER_KEYS.size() + 1;
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    String value = values.get(c);
                    if (table && r > HEADER_KEYS.size() + 2 && (c == 3 || c == 4) && !value.isEmpty()) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                    } else {
                        cell.setCellValue(value);
                    }
                    if (c == 0 && !table || r == HEADER_KEYS.size() + 2) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, (c == 2 ? 36 : 18) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV (UTF-8) or Excel aggregate file. */
    static Parsed read(byte[] content) throws Malformed {
        return parse(isZip(content) ? excelRows(content) : csvRows(content));
    }

    private static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> csvRows(byte[] content) throws Malformed {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(1, "not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // keep empty lines: the header block ends with one
        List<List<String>> rows = new ArrayList<>();
        try {
            for (String line : text.split("\r?\n", -1)) {
                List<List<String>> parsed = Csv.parse(line);
                rows.add(parsed.isEmpty() ? List.of() : parsed.getFirst());
            }
        } catch (IllegalArgumentException e) {
            throw new Malformed(rows.size() + 1, e.getMessage());
        }
        while (!rows.isEmpty() && rows.getLast().isEmpty()) {
            rows.removeLast();
        }
        return rows;
    }

    private static List<List<String>> excelRows(byte[] content) throws Malformed {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw new Malformed(1, "no sheet named " + SHEET);
            }
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                                ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                                : formatter.formatCellValue(cell));
                    }
                }
                while (!values.isEmpty() && values.getLast().isEmpty()) {
                    values.removeLast();
                }
                rows.add(values);
            }
            while (!rows.isEmpty() && rows.getLast().isEmpty()) {
                rows.removeLast();
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new Malformed(1, "not a readable Excel workbook");
        }
    }

    private static Parsed parse(List<List<String>> rows) throws Malformed {
        if (rows.size() > MAX_ROWS) {
            throw new Malformed(MAX_ROWS, "more than " + MAX_ROWS + " rows");
        }
        if (rows.isEmpty() || !rows.getFirst().equals(List.of(MARKER, FORMAT_VERSION))) {
            throw new Malformed(1, "the first line must be " + MARKER + "," + FORMAT_VERSION);
        }
        Map<String, String> header = new LinkedHashMap<>();
        int line = 1;
        for (String key : HEADER_KEYS) {
            List<String> row = line < rows.size() ? rows.get(line) : List.of();
            if (row.size() != 2 || !row.get(0).equals(key) || row.get(1).isBlank()) {
                throw new Malformed(line + 1, "expected " + key + ",<value>");
            }
            header.put(key, row.get(1).strip());
            line++;
        }
        if (line >= rows.size() || !rows.get(line).isEmpty()) {
            throw new Malformed(line + 1, "expected an empty line after the header");
        }
        line++;
        if (line >= rows.size() || !rows.get(line).equals(COLUMNS)) {
            throw new Malformed(line + 1, "expected the columns " + String.join(",", COLUMNS));
        }
        line++;
        List<AggregateCell> cells = new ArrayList<>();
        for (; line < rows.size(); line++) {
            cells.add(cell(rows.get(line), line + 1));
        }
        try {
            YearMonth.parse(header.get("period"));
            return new Parsed(header.get("agency"), header.get("definition"),
                    Integer.parseInt(header.get("definitionVersion")), header.get("period"),
                    Integer.parseInt(header.get("suppressionThreshold")), cells);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Malformed(5, "the definition version, period (yyyy-MM) or threshold is not valid");
        }
    }

    private static AggregateCell cell(List<String> row, int line) throws Malformed {
        if (row.size() < 3 || row.size() > COLUMNS.size()) {
            throw new Malformed(line, "expected " + COLUMNS.size() + " cells");
        }
        List<String> values = new ArrayList<>(row);
        while (values.size() < COLUMNS.size()) {
            values.add("");
        }
        if (values.get(0).isBlank()) {
            throw new Malformed(line, "the category is empty");
        }
        boolean suppressed = switch (values.get(5)) {
            case "yes" -> true;
            case "no", "" -> false;
            default -> throw new Malformed(line, "suppressed must be yes or no");
        };
        Long count = null;
        BigDecimal percent = null;
        try {
            if (!values.get(3).isEmpty()) {
                count = Long.parseLong(values.get(3));
                if (count < 0) {
                    throw new Malformed(line, "a count cannot be negative");
                }
            }
            if (!values.get(4).isEmpty()) {
                percent = new BigDecimal(values.get(4));
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new Malformed(line, "a percentage must be between 0 and 100");
                }
            }
        } catch (NumberFormatException e) {
            throw new Malformed(line, "the count or percentage is not a number");
        }
        if (suppressed && (count != null || percent != null)) {
            throw new Malformed(line, "a suppressed cell has neither count nor percentage");
        }
        return new AggregateCell(values.get(0), values.get(1), values.get(2), count, percent, suppressed);
    }
}
