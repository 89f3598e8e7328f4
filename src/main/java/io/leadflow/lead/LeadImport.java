package io.leadflow.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.JsonFieldProblems;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.validation.Validator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports leads from a file: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252;
 * comma, semicolon or tab, taken from the header line: {@link ImportedText}, {@link ImportedRows})
 * or an {@code .xlsx} workbook's first sheet. The header row names the capture body's fields
 * (nested ones dotted: {@code consent.given}) or their aliases ({@link ImportColumns}); then one
 * lead a row. Each row is checked by the same rules as {@code POST /api/leads}; valid rows are
 * captured in batches, a transaction each ({@link #importRows}: per row as a capture would, the
 * same email twice is one lead, updated), and the report lists every rejected row with its reasons. Rows
 * with nothing in them (blank lines, separators only) and columns with neither a header nor values
 * (Excel's trailing empty column) are ignored. A file that is wrong as a whole (unreadable
 * encoding, unknown or repeated column, no email column, too many rows) is rejected before
 * anything is stored.
 */
@Service
public class LeadImport {

  private final LeadCapture capture;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final int maxRows;
  private final int batchSize;

  LeadImport(LeadCapture capture, ObjectMapper json, Validator validator, PlatformTransactionManager transactionManager,
      LeadflowProperties properties) {
    this.capture = capture;
    this.json = json;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactionManager);
    this.maxRows = properties.importing().maxRows();
    this.batchSize = properties.importing().batchSize();
  }

  /**
   * Imports a (small) file at once: read as {@link #read} does, then its rows in batches of {@code
   * leadflow.import.batch-size}, each batch in a transaction of its own ({@link #importRows}).
   *
   * @param bytes the file as sent
   * @param declaredCharset the charset the request named (CSV only), or null
   */
  public Report importFile(byte[] bytes, Charset declaredCharset, String importedBy) {
    Sheet sheet = read(bytes, declaredCharset);
    int created = 0;
    int updated = 0;
    List<RejectedRow> rejected = new ArrayList<>();
    List<Row> rows = sheet.rows();
    for (int from = 0; from < rows.size(); ) {
      List<Row> next = rows.subList(from, Math.min(from + batchSize, rows.size()));
      Batch batch = inTransaction(sheet.fields(), next, importedBy);
      created += batch.created();
      updated += batch.updated();
      rejected.addAll(batch.rejected());
      from += batch.rowsTaken();
    }
    return new Report(created + updated, created, updated, rejected, sheet.columns());
  }

  private Batch inTransaction(List<String> fields, List<Row> rows, String importedBy) {
    try {
      return transaction.execute(status -> importRows(fields, rows, importedBy));
    } catch (DataIntegrityViolationException sameEmailAtOnce) {
      // another request stored one of these new emails a moment ago: now it is a known lead
      return transaction.execute(status -> importRows(fields, rows, importedBy));
    }
  }

  /**
   * Reads a whole (small) file into memory, as {@link #read(ImportFile, Charset, Rows)} reads it.
   *
   * @param bytes the file as sent
   * @param declaredCharset the charset the request named (CSV only), or null
   * @return the field of each column and the rows after the header, blank ones left out
   */
  public Sheet read(byte[] bytes, Charset declaredCharset) {
    List<Row> rows = new ArrayList<>();
    Header header = readRows(ImportFile.of(bytes), declaredCharset, rows::add);
    return new Sheet(Arrays.asList(header.fields()), header.columns(), rows);
  }

  /**
   * Reads a file as a stream, giving each row after the header (blank ones left out) to {@code
   * rows} as it is read, and checks what makes it wrong as a whole (unreadable encoding, unknown or
   * repeated column, no email column: 400; more than {@code leadflow.import.max-rows} rows: 413,
   * thrown when row max-rows + 1 is read). Nothing is stored here; a caller that stores rows as they
   * come does so in a transaction that the exception rolls back.
   *
   * @param declaredCharset the charset the request named (CSV only), or null
   * @return the header: the field of each column ({@link Sheet#fields()}) and the columns as read
   */
  public Sheet read(ImportFile file, Charset declaredCharset, Rows rows) {
    Header header = readRows(file, declaredCharset, rows);
    return new Sheet(Arrays.asList(header.fields()), header.columns(), List.of());
  }

  private Header readRows(ImportFile file, Charset declaredCharset, Rows rows) {
    Header[] header = new Header[1];
    int[] count = new int[1];
    ImportedRows.read(file, declaredCharset, line -> {
      if (line.blank()) {
        return;
      }
      if (header[0] == null) {
        header[0] = header(line.values());
        rows.header(Arrays.asList(header[0].fields()));
        return;
      }
      if (++count[0] > maxRows) {
        throw new InvalidRequest(HttpStatus.PAYLOAD_TOO_LARGE,
            "The file has more than " + maxRows + " rows; at most " + maxRows + " are imported at once (leadflow.import.max-rows)",
            List.of());
      }
      rows.row(new Row(line.number(), Arrays.asList(line.values())));
    });
    if (header[0] == null) {
      throw new InvalidRequest("The file is empty: it needs a header row", List.of(new FieldProblem("body", "is empty")));
    }
    return header[0];
  }

  /** Where {@link #read(ImportFile, Charset, Rows)} puts each row it reads. */
  @FunctionalInterface
  public interface Rows {

    /** The field of each column (null: a column without a header), before the first row. */
    default void header(List<String> fields) {}

    void row(Row row);
  }

  /**
   * Imports rows in order, in the caller's transaction: each is checked by the rules of {@code
   * POST /api/leads}; the valid ones are captured together ({@link LeadCapture#captureAll}), the
   * others reported. Stops before a row whose email an earlier row of these has: that row is
   * captured after this batch commits, as the update of a known lead (one lead, its journey told).
   *
   * @param fields the field of each column ({@link Sheet#fields()})
   * @return how many rows were taken (at least one when there are rows), and what became of them
   */
  public Batch importRows(List<String> fields, List<Row> rows, String importedBy) {
    String[] columns = fields.toArray(String[]::new);
    Set<String> emails = new HashSet<>();
    List<LeadProfile> valid = new ArrayList<>();
    List<Integer> validRows = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    int taken = 0;
    for (Row row : rows) {
      List<FieldProblem> problems = new ArrayList<>();
      LeadProfile profile = profile(columns, row.values().toArray(String[]::new), problems);
      if (profile != null) {
        validator.validate(profile).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
      }
      if (problems.isEmpty() && !emails.add(profile.email())) {
        break;
      }
      taken++;
      if (problems.isEmpty()) {
        valid.add(profile);
        validRows.add(row.number());
      } else {
        problems.sort(Comparator.comparing(FieldProblem::field));
        rejected.add(new RejectedRow(row.number(), problems));
      }
    }
    // an address erased at the person's request is not imported again (leadflow.privacy.erased-address)
    Map<String, AddressErased> refusals = capture.erasedRefusals(valid.stream().map(LeadProfile::email).toList());
    if (!refusals.isEmpty()) {
      List<LeadProfile> allowed = new ArrayList<>();
      for (int i = 0; i < valid.size(); i++) {
        AddressErased refusal = refusals.get(valid.get(i).email());
        if (refusal == null) {
          allowed.add(valid.get(i));
        } else {
          rejected.add(new RejectedRow(validRows.get(i), refusal.errors()));
        }
      }
      valid = allowed;
      rejected.sort(Comparator.comparingInt(RejectedRow::row));
    }
    LeadCapture.Counts counts = capture.captureAll(valid, CaptureChannel.IMPORT, importedBy);
    return new Batch(taken, counts.created(), counts.updated(), rejected);
  }

  /**
   * The header: the field of each column (null: a column without a header, ignored when its
   * values are blank).
   */
  private record Header(String[] fields, Map<String, String> columns) {}

  private static Header header(String[] names) {
    List<FieldProblem> problems = new ArrayList<>();
    String[] fields = new String[names.length];
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> headerOfField = new LinkedHashMap<>();
    for (int c = 0; c < names.length; c++) {
      String name = TextRules.clean(TextRules.withoutInvisibles(names[c]));
      if (name == null) {
        continue;
      }
      Optional<String> field = ImportColumns.field(name);
      if (field.isEmpty()) {
        problems.add(new FieldProblem(name, "is not a known column; known columns are " + ImportColumns.FIELDS
            + " and their aliases (docs/api.md)"));
      } else if (headerOfField.containsKey(field.get())) {
        problems.add(new FieldProblem(name, "names " + field.get() + ", as \"" + headerOfField.get(field.get())
            + "\" does: a field may have one column"));
      } else {
        fields[c] = field.get();
        headerOfField.put(field.get(), name);
        columns.put(name, field.get());
      }
    }
    if (problems.isEmpty() && !headerOfField.containsKey("email")) {
      problems.add(new FieldProblem("email", "column is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequest("The header row is invalid; nothing was imported", problems);
    }
    return new Header(fields, columns);
  }

  /** The row as the JSON body it stands for, read by the same Jackson rules; null when unreadable. */
  private LeadProfile profile(String[] fields, String[] row, List<FieldProblem> problems) {
    int named = 0;
    for (int c = 0; c < fields.length; c++) {
      if (fields[c] != null) {
        named = c + 1;
      }
    }
    boolean valueWithoutHeader = false;
    for (int c = 0; c < row.length; c++) {
      valueWithoutHeader |= (c >= fields.length || fields[c] == null) && TextRules.clean(row[c]) != null;
    }
    if (row.length < named || valueWithoutHeader) {
      problems.add(new FieldProblem("row", "has " + row.length + " values, the header has " + named + " columns"));
      return null;
    }
    ObjectNode body = json.createObjectNode();
    for (int c = 0; c < fields.length && c < row.length; c++) {
      if (fields[c] == null || TextRules.clean(row[c]) == null) {
        continue;
      }
      String[] path = fields[c].split("\\.");
      ObjectNode parent = body;
      for (int p = 0; p < path.length - 1; p++) {
        parent = parent.has(path[p]) ? (ObjectNode) parent.get(path[p]) : parent.putObject(path[p]);
      }
      parent.put(path[path.length - 1], row[c]);
    }
    try {
      return json.treeToValue(body, LeadProfile.class);
    } catch (JsonMappingException e) {
      problems.add(JsonFieldProblems.of(e));
    } catch (JsonProcessingException e) {
      problems.add(new FieldProblem("row", "cannot be read: " + e.getOriginalMessage()));
    }
    return null;
  }

  /**
   * What an import did: {@code accepted} = {@code created} + {@code updated}; {@code columns}: each
   * header as sent, and the field it was read as.
   */
  public record Report(int accepted, int created, int updated, List<RejectedRow> rejected, Map<String, String> columns) {}

  /** A file read whole: the field of each column (null: none), each header as sent with its field, the rows. */
  public record Sheet(List<String> fields, Map<String, String> columns, List<Row> rows) {}

  /** A row of a file, numbered as in a spreadsheet (the header is row 1), and its values as text. */
  public record Row(int number, List<String> values) {}

  /** What {@link #importRows} did: the rows it took (from the first), leads created and updated, rows rejected. */
  public record Batch(int rowsTaken, int created, int updated, List<RejectedRow> rejected) {}

  /** A row that was not imported, numbered as in a spreadsheet (the header is row 1). */
  public record RejectedRow(int row, List<FieldProblem> errors) {}
}
