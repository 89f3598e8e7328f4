package io.leadflow.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.JsonFieldProblems;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Imports leads from CSV: a header row with the capture body's field names (nested ones dotted:
 * {@code consent.given}, {@code social.linkedin}), then one lead a row. Each row is checked by
 * the same rules as {@code POST /api/leads}; valid rows are captured, one transaction each, and
 * the report lists every rejected row with its reasons. A file that is wrong as a whole (unknown
 * column, no email column, too many rows) is rejected before anything is stored.
 */
@Service
public class LeadCsvImport {

  /** The columns a file may have, derived from {@link LeadProfile}. */
  static final Set<String> COLUMNS = columns(LeadProfile.class, "");

  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES).build();

  private final LeadCapture capture;
  private final ObjectMapper json;
  private final Validator validator;
  private final int maxRows;

  LeadCsvImport(LeadCapture capture, ObjectMapper json, Validator validator, LeadflowProperties properties) {
    this.capture = capture;
    this.json = json;
    this.validator = validator;
    this.maxRows = properties.importing().maxRows();
  }

  public Report importCsv(String csv, String importedBy) {
    List<String[]> records = read(csv);
    if (records.isEmpty()) {
      throw new InvalidRequest("The file is empty: it needs a header row", List.of(new FieldProblem("body", "is empty")));
    }
    String[] header = header(records.get(0));
    List<String[]> rows = records.subList(1, records.size());
    if (rows.size() > maxRows) {
      throw new InvalidRequest(HttpStatus.PAYLOAD_TOO_LARGE,
          "The file has " + rows.size() + " rows; at most " + maxRows + " are imported at once (leadflow.import.max-rows)",
          List.of());
    }
    int created = 0;
    int updated = 0;
    List<RejectedRow> rejected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      int rowNumber = i + 2; // as a spreadsheet numbers it: the header is row 1
      List<FieldProblem> problems = new ArrayList<>();
      LeadProfile profile = profile(header, rows.get(i), problems);
      if (profile != null) {
        validator.validate(profile).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
      }
      if (!problems.isEmpty()) {
        problems.sort(Comparator.comparing(FieldProblem::field));
        rejected.add(new RejectedRow(rowNumber, problems));
        continue;
      }
      if (capture.capture(profile, CaptureChannel.IMPORT, importedBy).created()) {
        created++;
      } else {
        updated++;
      }
    }
    return new Report(created + updated, created, updated, rejected);
  }

  private static List<String[]> read(String csv) {
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(csv)) {
      return it.readAll();
    } catch (IOException | RuntimeException e) {
      throw new InvalidRequest("The file is not valid CSV", List.of(new FieldProblem("body", "is not valid CSV: " + e.getMessage())));
    }
  }

  private static String[] header(String[] names) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      if (!COLUMNS.contains(name)) {
        problems.add(new FieldProblem(name, "is not a known column; known columns are " + COLUMNS));
      } else if (!seen.add(name)) {
        problems.add(new FieldProblem(name, "appears twice in the header"));
      }
    }
    if (!seen.contains("email")) {
      problems.add(new FieldProblem("email", "column is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequest("The header row is invalid; nothing was imported", problems);
    }
    return names;
  }

  /** The row as the JSON body it stands for, read by the same Jackson rules; null when unreadable. */
  private LeadProfile profile(String[] header, String[] row, List<FieldProblem> problems) {
    if (row.length != header.length) {
      problems.add(new FieldProblem("row", "has " + row.length + " values, the header has " + header.length));
      return null;
    }
    ObjectNode body = json.createObjectNode();
    for (int c = 0; c < header.length; c++) {
      if (row[c].isBlank()) {
        continue;
      }
      String[] path = header[c].split("\\.");
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

  private static Set<String> columns(Class<?> type, String prefix) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType().isRecord()) {
        names.addAll(columns(component.getType(), prefix + component.getName() + "."));
      } else {
        names.add(prefix + component.getName());
      }
    }
    return names;
  }

  /** What an import did: {@code accepted} = {@code created} + {@code updated}. */
  public record Report(int accepted, int created, int updated, List<RejectedRow> rejected) {}

  /** A row that was not imported, numbered as in a spreadsheet (the header is row 1). */
  public record RejectedRow(int row, List<FieldProblem> errors) {}

}
