package io.leadflow.lead;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rows of an imported file as text, numbered as a spreadsheet numbers them (the header is row
 * 1): CSV (its separator taken from the header line: comma, semicolon or tab) or the first sheet
 * of an {@code .xlsx} workbook (Apache POI).
 */
final class ImportedRows {

  /** One row: its number in the spreadsheet, and its values (never null). */
  record Line(int number, String[] values) {

    boolean blank() {
      for (String value : values) {
        if (TextRules.clean(value) != null) {
          return false;
        }
      }
      return true;
    }
  }

  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES).build();
  private static final char[] SEPARATORS = {',', ';', '\t'};

  private ImportedRows() {}

  /** Whether the bytes are a zip file, as an .xlsx workbook is. */
  static boolean isWorkbook(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  static List<Line> csv(String text) {
    char separator = separator(text);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    List<Line> lines = new ArrayList<>();
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
      int number = 0;
      while (it.hasNextValue()) {
        lines.add(new Line(++number, it.nextValue()));
      }
      return lines;
    } catch (IOException | RuntimeException e) {
      throw new InvalidRequest("The file is not valid CSV; nothing was imported",
          List.of(new FieldProblem("body", "is not valid CSV after row " + lines.size() + ": " + e.getMessage())));
    }
  }

  /**
   * The separator of the header line: the one of comma, semicolon and tab found most often outside
   * quotes (Excel writes a semicolon where the decimal separator is a comma); comma when none is.
   */
  static char separator(String text) {
    int[] counts = new int[SEPARATORS.length];
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int s = 0; s < SEPARATORS.length; s++) {
          if (c == SEPARATORS[s]) {
            counts[s]++;
          }
        }
      }
    }
    int best = 0;
    for (int s = 1; s < SEPARATORS.length; s++) {
      if (counts[s] > counts[best]) {
        best = s;
      }
    }
    return SEPARATORS[best];
  }

  /**
   * The first sheet. Text cells as they are; numbers without exponent or trailing {@code .0}
   * (a company size of 120, a phone number of 15 digits); date cells as ISO-8601 in UTC (a
   * spreadsheet date has no zone); booleans as {@code true}/{@code false}; formulas by their last
   * computed value.
   */
  static List<Line> workbook(byte[] bytes) {
    try (OPCPackage zip = OPCPackage.open(new ByteArrayInputStream(bytes)); XSSFWorkbook workbook = new XSSFWorkbook(zip)) {
      if (workbook.getNumberOfSheets() == 0) {
        return List.of();
      }
      Sheet sheet = workbook.getSheetAt(0);
      List<Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        int width = Math.max(row.getLastCellNum(), 0);
        String[] values = new String[width];
        for (int c = 0; c < width; c++) {
          values[c] = text(row.getCell(c));
        }
        lines.add(new Line(row.getRowNum() + 1, values));
      }
      return lines;
    } catch (IOException | InvalidFormatException | RuntimeException e) {
      throw new InvalidRequest("The file is not an .xlsx workbook that can be read; nothing was imported",
          List.of(new FieldProblem("body", "is not a readable .xlsx workbook: " + e.getMessage())));
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toString()
          : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      default -> "";
    };
  }
}
