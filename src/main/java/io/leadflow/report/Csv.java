package io.leadflow.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (RFC 4180, a header row, jackson-dataformat-csv), safe to open in a spreadsheet:
 * a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is neutralised with a leading apostrophe, so no spreadsheet runs it as a formula (OWASP
 * "CSV injection"). Numbers are written as numbers (a negative ROI stays a number).
 */
final class Csv {

  private static final CsvMapper CSV = new CsvMapper();

  private Csv() {}

  static String write(List<String> columns, List<List<Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : rows) {
      cells.add(row.stream().map(Csv::cell).toList());
    }
    try {
      return CSV.writer(schema.build()).writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return neutralised(value.toString());
  }

  /** The text, with a leading apostrophe when a spreadsheet would take it for a formula. */
  static String neutralised(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
