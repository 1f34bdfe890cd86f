package org.kinship.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kinship.i18n.Messages;
import org.kinship.reports.ReportResult;
import org.springframework.stereotype.Component;

/**
 * A report result as a formatted Excel sheet (title, when and by whom, bold headers, numbers as numbers, a
 * bold totals row and column, frozen headers) or as CSV with the same rows.
 */
@Component
class ReportFiles {

    static final String SHEET = "Report";

    private final Messages messages;

    ReportFiles(Messages messages) {
        this.messages = messages;
    }

    /** Header lines and rows of the table as text cells (numbers in plain notation). */
    List<List<String>> rows(ReportResult result, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        int rowFieldCount = result.rowFields().size();
        for (int level = 0; level < Math.max(1, result.columnFields().size()); level++) {
            List<String> header = new ArrayList<>(level == 0 ? result.rowFields() : blanks(rowFieldCount));
            for (ReportResult.Header column : result.columns()) {
                header.add(column.labels().isEmpty() ? "" : column.labels().get(Math.min(level,
                        column.labels().size() - 1)));
            }
            header.add(level == 0 ? messages.get(locale, "reports.measure.total") : "");
            rows.add(header);
        }
        for (ReportResult.Row row : result.rows()) {
            List<String> line = new ArrayList<>(row.header().labels());
            row.cells().forEach(cell -> line.add(cell.toPlainString()));
            line.add(row.total().toPlainString());
            rows.add(line);
        }
        List<String> totals = new ArrayList<>();
        totals.add(messages.get(locale, "reports.measure.total"));
        totals.addAll(blanks(rowFieldCount - 1));
        result.columnTotals().forEach(total -> totals.add(total.toPlainString()));
        totals.add(result.total().toPlainString());
        rows.add(totals);
        return rows;
    }

    byte[] csv(ReportResult result, Locale locale) {
        StringBuilder text = new StringBuilder();
        rows(result, locale).forEach(row -> text.append(Csv.line(row)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(ReportResult result, String title, String generatedBy, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));
            CellStyle boldNumber = workbook.createCellStyle();
            boldNumber.cloneStyleFrom(number);
            boldNumber.setFont(boldFont);

            Cell titleCell = sheet.createRow(0).createCell(0);
            titleCell.setCellValue(title);
            CellStyle titleStyle = workbook.createCellStyle();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            titleStyle.setFont(big);
            titleCell.setCellStyle(titleStyle);
            sheet.createRow(1).createCell(0).setCellValue(messages.get(locale, "reports.export.generated",
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(result.computedAt()) + " UTC",
                    generatedBy, result.records()));

            List<List<String>> rows = rows(result, locale);
            int headerLines = Math.max(1, result.columnFields().size());
            int labelColumns = Math.max(1, result.rowFields().size());
            int first = 3;
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(first + i);
                boolean isHeader = i < headerLines;
                boolean isTotal = i == rows.size() - 1;
                List<String> values = rows.get(i);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    boolean totalColumn = c == values.size() - 1;
                    if (!isHeader && c >= labelColumns) {
                        cell.setCellValue(new BigDecimal(values.get(c)).doubleValue());
                        cell.setCellStyle(isTotal || totalColumn ? boldNumber : number);
                    } else {
                        cell.setCellValue(values.get(c));
                        cell.setCellStyle(isHeader ? header : isTotal ? bold : cell.getCellStyle());
                    }
                }
            }
            sheet.createFreezePane(labelColumns, first + headerLines);
            // widths from the text lengths: autoSizeColumn needs AWT fonts, which a server may not have
            int width = rows.getFirst().size();
            for (int c = 0; c < width; c++) {
                int chars = 8;
                for (List<String> values : rows) {
                    chars = Math.max(chars, c < values.size() ? values.get(c).length() + 2 : 0);
                }
                sheet.setColumnWidth(c, Math.min(60, chars) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> blanks(int count) {
        List<String> blanks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blanks.add("");
        }
        return blanks;
    }
}
