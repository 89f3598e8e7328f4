package io.leadflow.lead;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of an imported file as text, one at a time and never the whole file in memory,
 * numbered as a spreadsheet numbers them (the header is row 1): CSV (its separator taken from the
 * header line: comma, semicolon or tab; Jackson's CSV parser over a stream) or the first sheet of
 * an {@code .xlsx} workbook (Apache POI's streaming SAX reader, XSSFSheetXMLHandler).
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
  /** How much of the file the header line is looked for in, to find its separator. */
  private static final int HEADER_CHARS = 64 * 1024;

  private ImportedRows() {}

  /**
   * Reads every row of the file in order, giving each to {@code rows}; an exception thrown there
   * stops the reading and is thrown on.
   *
   * @param declaredCharset the charset the request named (CSV only), or null
   * @throws InvalidRequest (400) when the file is not readable CSV or .xlsx
   */
  static void read(ImportFile file, Charset declaredCharset, Consumer<Line> rows) {
    boolean workbook;
    try {
      workbook = file.isWorkbook();
    } catch (IOException e) {
      throw new InvalidRequest("The file cannot be read; nothing was imported",
          List.of(new FieldProblem("body", "cannot be read: " + e.getMessage())));
    }
    if (workbook) {
      workbook(file, rows);
    } else {
      csv(file, declaredCharset, rows);
    }
  }

  private static void csv(ImportFile file, Charset declaredCharset, Consumer<Line> rows) {
    ImportedText.Encoding encoding = ImportedText.encoding(file, declaredCharset);
    int number = 0;
    try (Reader text = ImportedText.reader(file, encoding)) {
      CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
      try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(schema).readValues(text)) {
        while (it.hasNextValue()) {
          String[] values = it.nextValue();
          rows.accept(new Line(++number, values));
        }
      }
    } catch (IOException | com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
      throw new InvalidRequest("The file is not valid CSV; nothing was imported",
          List.of(new FieldProblem("body", "is not valid CSV after row " + number + ": " + e.getMessage())));
    }
  }

  /** The separator of the header line ({@link #separator(String)}), the reader left where it was. */
  private static char separator(Reader text) throws IOException {
    text.mark(HEADER_CHARS);
    char[] start = new char[HEADER_CHARS];
    int length = 0;
    for (int n; length < start.length && (n = text.read(start, length, start.length - length)) >= 0; ) {
      length += n;
    }
    text.reset();
    return separator(new String(start, 0, length));
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
   * The first sheet, row by row. Text cells as they are; numbers without exponent or trailing
   * {@code .0} (a company size of 120, a phone number of 15 digits); date cells as ISO-8601 in UTC
   * (a spreadsheet date has no zone); booleans as {@code true}/{@code false}; formulas by their
   * last computed value.
   */
  private static void workbook(ImportFile file, Consumer<Line> rows) {
    try (OPCPackage zip = file.path() != null
        ? OPCPackage.open(file.path().toFile(), PackageAccess.READ)
        : OPCPackage.open(file.open())) {
      XSSFReader reader = new XSSFReader(zip);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(zip),
            new RowsOfSheet(rows), new CellText(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
        | org.apache.poi.ooxml.POIXMLException e) {
      throw new InvalidRequest("The file is not an .xlsx workbook that can be read; nothing was imported",
          List.of(new FieldProblem("body", "is not a readable .xlsx workbook: " + e.getMessage())));
    }
  }

  /** Collects a row's cells (gaps as empty text) and hands the row on at its end. */
  private static final class RowsOfSheet implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Consumer<Line> rows;
    private final List<String> values = new ArrayList<>();
    private int number;

    RowsOfSheet(Consumer<Line> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      number = rowNum + 1;
      values.clear();
    }

    @Override
    public void endRow(int rowNum) {
      rows.accept(new Line(number, values.toArray(String[]::new)));
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = cellReference == null ? values.size() : new CellReference(cellReference).getCol();
      while (values.size() < column) {
        values.add("");
      }
      // XSSFSheetXMLHandler writes a boolean cell as TRUE or FALSE
      String value = "TRUE".equals(formattedValue) ? "true" : "FALSE".equals(formattedValue) ? "false" : formattedValue;
      values.add(value == null ? "" : value);
    }
  }

  /** A number cell's text: a date format gives ISO-8601 (UTC), any other the plain number. */
  private static final class CellText extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904Windowing).atOffset(ZoneOffset.UTC).toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
