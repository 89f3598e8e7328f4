package io.leadflow.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.lead.EmailAddress;
import io.leadflow.lead.ImportFile;
import io.leadflow.lead.LeadImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Background imports, with no engine in sight: a file's rows are stored when it is accepted
 * ({@link #stage}), each in a slice chosen by its address, then each slice imported a batch at a
 * time ({@link #nextBatch}), each batch in the caller's transaction together with its slice's
 * progress and counts (lead_import_slices). A slice's progress (its last row done) is the one
 * truth: a batch that did not commit left nothing, and the next attempt starts after the last row
 * that did. The import's counts are the sums over its slices until {@link #complete} records them.
 */
@Service
public class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  static final String RUNNING = "RUNNING";
  static final String COMPLETED = "COMPLETED";
  /** The longest row stored (its values as a JSON array), the column's size in V60. */
  static final int MAX_ROW_CHARS = 100_000;
  /** Rows a JDBC batch when a file is stored. */
  private static final int STAGE_BATCH = 1000;
  private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {};
  private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final LeadImport leadImport;
  /** Our own stored JSON, read as written (not by the API's rules: those are applied to each row on import). */
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private final int batchSize;
  private final int slices;

  ImportJobs(JdbcTemplate jdbc, LeadImport leadImport, Clock clock, LeadflowProperties properties) {
    this.jdbc = jdbc;
    this.leadImport = leadImport;
    this.clock = clock;
    this.batchSize = properties.importing().batchSize();
    this.slices = properties.importing().slices();
  }

  /**
   * Stores a file's rows as a new import (state RUNNING, nothing imported yet), in the caller's
   * transaction, as the file is read: a thousand rows a JDBC batch, so the file is never held whole
   * in memory. A file wrong as a whole ({@link LeadImport#read(ImportFile, Charset, LeadImport.Rows)})
   * throws its 400 or 413, and the caller's transaction leaves nothing behind.
   *
   * @param declaredCharset the charset the request named (CSV only), or null
   * @return the import's id and its rows
   */
  @Transactional
  public Staged stage(ImportFile file, Charset declaredCharset, String importedBy) {
    String id = UUID.randomUUID().toString();
    int sliceCount = slices;
    List<Object[]> rows = new ArrayList<>(STAGE_BATCH);
    jdbc.update("insert into lead_imports (id, state, imported_by, fields, columns_read, rows_total, submitted_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", id, RUNNING, importedBy, "[]", "{}", 0, now());
    int[] total = new int[1];
    int[] emailColumn = {-1};
    LeadImport.Sheet header = leadImport.read(file, declaredCharset, new LeadImport.Rows() {
      @Override
      public void header(List<String> fields) {
        emailColumn[0] = fields.indexOf("email");
      }

      @Override
      public void row(LeadImport.Row row) {
        String values = write(row.values());
        if (values.length() > MAX_ROW_CHARS) {
          throw new InvalidRequest("Row " + row.number() + " is longer than " + MAX_ROW_CHARS + " characters; nothing was imported",
              List.of(new FieldProblem("body", "row " + row.number() + " is longer than " + MAX_ROW_CHARS + " characters")));
        }
        rows.add(new Object[] {id, row.number(), slice(row, emailColumn[0], sliceCount), values});
        total[0]++;
        if (rows.size() == STAGE_BATCH) {
          jdbc.batchUpdate("insert into lead_import_rows (import_id, row_no, slice, row_values) values (?, ?, ?, ?)", rows);
          rows.clear();
        }
      }
    });
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("insert into lead_import_rows (import_id, row_no, slice, row_values) values (?, ?, ?, ?)", rows);
    }
    jdbc.update("update lead_imports set fields = ?, columns_read = ?, rows_total = ? where id = ?",
        write(header.fields()), write(header.columns()), total[0], id);
    jdbc.batchUpdate("insert into lead_import_slices (import_id, slice) values (?, ?)",
        java.util.stream.IntStream.range(0, sliceCount).mapToObj(s -> new Object[] {id, s}).toList());
    return new Staged(id, total[0], sliceCount);
  }

  /**
   * The row's slice: by its address as leads are matched ({@link EmailAddress#canonical}), so every
   * row of one address is in one slice, in file order, and two slices never capture one address at
   * once. A value that is no address (its row will be rejected) goes by its text.
   */
  private static int slice(LeadImport.Row row, int emailColumn, int slices) {
    String raw = emailColumn >= 0 && emailColumn < row.values().size() ? row.values().get(emailColumn) : null;
    String email;
    try {
      email = raw == null ? "" : EmailAddress.canonical(raw);
    } catch (RuntimeException notAnAddress) {
      email = raw.trim();
    }
    return Math.floorMod(String.valueOf(email).hashCode(), slices);
  }

  /** A file stored as an import: its id, how many rows it has, and in how many slices they run. */
  public record Staged(String id, int rowsTotal, int slices) {}

  /** The process instance that runs the import (Cockpit). */
  @Transactional
  public void runBy(String importId, String processInstanceId) {
    jdbc.update("update lead_imports set process_instance_id = ? where id = ?", processInstanceId, importId);
  }

  /**
   * Imports the next batch of a slice's rows (at most {@code leadflow.import.batch-size}, fewer
   * when an email comes again: see {@link LeadImport#importRows}) in the caller's transaction, and
   * moves the slice's progress and the import's counts past them. The slice's row is locked first,
   * so two attempts at one slice run one after the other and the second starts where the first
   * ended; other slices run beside it and meet only at the import's counts, updated last. The
   * batch that takes the import's last row completes it and removes its stored rows.
   *
   * @param slice 0 .. the import's slices - 1
   */
  @Transactional
  public Progress nextBatch(String importId, int slice) {
    long started = System.nanoTime();
    Status status = find(importId).orElseThrow();
    if (COMPLETED.equals(status.state())) {
      return status.progress(false);
    }
    int lastRowNo = jdbc.queryForObject("select last_row_no from lead_import_slices where import_id = ? and slice = ? for update",
        Integer.class, importId, slice);
    List<LeadImport.Row> rows = jdbc.query("select row_no, row_values from lead_import_rows"
        + " where import_id = ? and slice = ? and row_no > ? order by row_no fetch first " + batchSize + " rows only",
        (rs, n) -> new LeadImport.Row(rs.getInt("row_no"), read(rs.getString("row_values"), TEXTS)), importId, slice, lastRowNo);
    LeadImport.Batch batch = leadImport.importRows(status.fields(), rows, status.importedBy());
    jdbc.batchUpdate("insert into lead_import_rejections (import_id, row_no, errors) values (?, ?, ?)",
        batch.rejected().stream().map(r -> new Object[] {importId, r.row(), write(r.errors())}).toList());
    int sliceLastRowNo = batch.rowsTaken() == 0 ? lastRowNo : rows.get(batch.rowsTaken() - 1).number();
    jdbc.update("update lead_import_slices set last_row_no = ?, rows_done = rows_done + ?, created_count = created_count + ?,"
        + " updated_count = updated_count + ?, rejected_count = rejected_count + ? where import_id = ? and slice = ?",
        sliceLastRowNo, batch.rowsTaken(), batch.created(), batch.updated(), batch.rejected().size(), importId, slice);
    boolean sliceHasMore = batch.rowsTaken() > 0 && !jdbc.queryForList("select row_no from lead_import_rows"
        + " where import_id = ? and slice = ? and row_no > ? fetch first 1 rows only", Integer.class,
        importId, slice, sliceLastRowNo).isEmpty();
    Status now = find(importId).orElseThrow();
    log.debug("Import {} slice {}: rows {} to {} ({} rejected) in {} ms, {} of {} done", importId, slice, lastRowNo + 1,
        sliceLastRowNo, batch.rejected().size(), (System.nanoTime() - started) / 1_000_000, now.rowsDone(), now.rowsTotal());
    return now.progress(sliceHasMore);
  }

  /**
   * Marks the import completed once its slices are imported ("Complete the import", after every
   * slice: one job, never two at once) and removes its stored rows.
   */
  @Transactional
  public void complete(String importId) {
    Status done = find(importId).orElseThrow();
    jdbc.update("update lead_imports set state = ?, finished_at = ?, rows_done = ?, created_count = ?, updated_count = ?,"
        + " rejected_count = ? where id = ? and state <> ?", COMPLETED, now(), done.rowsDone(), done.created(), done.updated(),
        done.rejected(), importId, COMPLETED);
    jdbc.update("delete from lead_import_rows where import_id = ?", importId);
  }

  /** The import with its counts so far: the sums over its slices while it runs. */
  public Optional<Status> find(String importId) {
    return jdbc.query("select i.id, i.state, i.imported_by, i.fields, i.columns_read, i.rows_total, i.last_row_no,"
        + " i.process_instance_id, i.submitted_at, i.finished_at,"
        + " case when i.state = 'COMPLETED' then i.rows_done else coalesce(s.rows_done, 0) end as rows_done,"
        + " case when i.state = 'COMPLETED' then i.created_count else coalesce(s.created_count, 0) end as created_count,"
        + " case when i.state = 'COMPLETED' then i.updated_count else coalesce(s.updated_count, 0) end as updated_count,"
        + " case when i.state = 'COMPLETED' then i.rejected_count else coalesce(s.rejected_count, 0) end as rejected_count"
        + " from lead_imports i left join (select import_id, sum(rows_done) as rows_done, sum(created_count) as created_count,"
        + " sum(updated_count) as updated_count, sum(rejected_count) as rejected_count from lead_import_slices"
        + " where import_id = ? group by import_id) s on s.import_id = i.id where i.id = ?", this::status, importId, importId)
        .stream().findFirst();
  }

  /** The first {@code limit} rejected rows, in row order. */
  public List<LeadImport.RejectedRow> rejected(String importId, int limit) {
    return jdbc.query("select row_no, errors from lead_import_rejections where import_id = ? order by row_no fetch first "
        + limit + " rows only", (rs, n) -> new LeadImport.RejectedRow(rs.getInt("row_no"), read(rs.getString("errors"), PROBLEMS)),
        importId);
  }

  /** Every rejected row as CSV ({@code row,field,message}, a line per problem), streamed from the database. */
  public void writeRejectedCsv(String importId, Writer out) {
    try {
      out.write("row,field,message\r\n");
      jdbc.query("select row_no, errors from lead_import_rejections where import_id = ? order by row_no", rs -> {
        try {
          for (FieldProblem problem : read(rs.getString("errors"), PROBLEMS)) {
            out.write(rs.getInt("row_no") + "," + csv(problem.field()) + "," + csv(problem.message()) + "\r\n");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, importId);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(String value) {
    String text = value == null ? "" : value;
    return text.matches("(?s).*[\",\r\n].*") || text.startsWith("=") || text.startsWith("+") || text.startsWith("-")
        || text.startsWith("@") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private Status status(ResultSet rs, int n) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new Status(rs.getString("id"), rs.getString("state"), rs.getString("imported_by"),
        read(rs.getString("fields"), TEXTS), read(rs.getString("columns_read"), COLUMNS), rs.getInt("rows_total"),
        rs.getInt("rows_done"), rs.getInt("last_row_no"), rs.getInt("created_count"), rs.getInt("updated_count"),
        rs.getInt("rejected_count"), rs.getString("process_instance_id"),
        rs.getObject("submitted_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
        finished == null ? null : finished.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored import data is not readable", e);
    }
  }

  /** An import as stored: its state and counts so far. */
  public record Status(String id, String state, String importedBy, List<String> fields, Map<String, String> columns,
      int rowsTotal, int rowsDone, int lastRowNo, int created, int updated, int rejected, String processInstanceId,
      OffsetDateTime submittedAt, OffsetDateTime finishedAt) {

    /** @param more whether the slice asked about has rows left */
    Progress progress(boolean more) {
      return new Progress(rowsTotal, rowsDone, created, updated, rejected, more);
    }
  }

  /** Where an import stands after a batch, and whether another batch of the slice follows. */
  public record Progress(int rowsTotal, int rowsDone, int created, int updated, int rejected, boolean more) {}
}
