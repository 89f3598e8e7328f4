package io.leadflow.imports;

import io.leadflow.LeadflowProperties;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import io.leadflow.lead.ImportFile;
import io.leadflow.lead.LeadImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/leads/import}: a marketer's file of leads. Up to {@code
 * leadflow.import.background-above} bytes it is imported at once (200 and the report, as ever);
 * a larger one is streamed to a temporary file, its rows stored as they are read, and imported in the background by bpmn/lead-import.bpmn
 * (202, {@code Location: /api/imports/{id}}). Either way a file that is wrong as a whole is a 400
 * (or 413 when too large) with nothing stored. {@code GET /api/imports/{id}}: the import's state,
 * counts and rejected rows (JSON, or every rejected row as CSV with {@code Accept: text/csv}).
 */
@RestController
class ImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
  /** Rejected rows in the JSON view; the CSV has them all. */
  static final int REJECTED_SHOWN = 1000;

  private final LeadImport leadImport;
  private final ImportJobs imports;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final long backgroundAbove;
  private final long maxFileSize;

  ImportController(LeadImport leadImport, ImportJobs imports, RuntimeService runtime,
      PlatformTransactionManager transactionManager, LeadflowProperties properties) {
    this.leadImport = leadImport;
    this.imports = imports;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactionManager);
    this.backgroundAbove = properties.importing().backgroundAbove().toBytes();
    this.maxFileSize = properties.importing().maxFileSize().toBytes();
  }

  /**
   * The file as the body: CSV (text/csv, also as text/plain, application/csv,
   * text/tab-separated-values, application/vnd.ms-excel, application/octet-stream) or an .xlsx workbook.
   */
  @PostMapping(path = "/api/leads/import", consumes = {"text/csv", "text/plain", "application/csv",
      "text/tab-separated-values", "application/vnd.ms-excel", XLSX, "application/octet-stream"})
  ResponseEntity<Object> importFile(HttpServletRequest request, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
      Principal principal) throws IOException {
    if (request.getContentLengthLong() > maxFileSize) {
      throw tooLarge();
    }
    try (InputStream body = request.getInputStream()) {
      return importFile(body, type.getCharset(), principal.getName());
    }
  }

  /** The same file as a form upload (multipart/form-data, part {@code file}), as a browser sends it. */
  @PostMapping(path = "/api/leads/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> importUpload(@RequestPart("file") MultipartFile file, Principal principal) throws IOException {
    if (file.getSize() > maxFileSize) {
      throw tooLarge();
    }
    MediaType type = file.getContentType() == null ? null : MediaType.parseMediaType(file.getContentType());
    try (InputStream body = file.getInputStream()) {
      return importFile(body, type == null ? null : type.getCharset(), principal.getName());
    }
  }

  /**
   * A file up to {@code background-above} is read into memory and imported at once; a larger one
   * is spooled to a temporary file as it arrives (never whole in memory), stored as an import's
   * rows from there, and the temporary file deleted.
   */
  private ResponseEntity<Object> importFile(InputStream body, Charset charset, String importedBy) throws IOException {
    byte[] start = body.readNBytes((int) Math.min(backgroundAbove + 1, Integer.MAX_VALUE - 8));
    if (start.length <= backgroundAbove) {
      return ResponseEntity.ok(leadImport.importFile(start, charset, importedBy));
    }
    Path spooled = Files.createTempFile("leadflow-import-", ".upload");
    try {
      try (OutputStream out = Files.newOutputStream(spooled)) {
        out.write(start);
        if (start.length + copy(body, out, maxFileSize - start.length + 1) > maxFileSize) {
          throw tooLarge();
        }
      }
      return inBackground(ImportFile.at(spooled), charset, importedBy);
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  /** Copies at most {@code limit} bytes; returns how many it copied. */
  private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    for (int n; copied < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) >= 0; ) {
      out.write(buffer, 0, n);
      copied += n;
    }
    return copied;
  }

  private ResponseEntity<Object> inBackground(ImportFile file, Charset charset, String importedBy) {
    String id = transaction.execute(status -> {
      ImportJobs.Staged staged = imports.stage(file, charset, importedBy);
      String run = runtime.createProcessInstanceByKey(LeadImportProcess.KEY)
          .businessKey(staged.id())
          .setVariables(Map.of(
              LeadImportProcess.Variables.IMPORT_ID, staged.id(),
              LeadImportProcess.Variables.IMPORTED_BY, importedBy,
              LeadImportProcess.Variables.ROWS_TOTAL, staged.rowsTotal(),
              LeadImportProcess.Variables.SLICES, staged.slices()))
          .execute()
          .getId();
      imports.runBy(staged.id(), run);
      return staged.id();
    });
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + id)).body(view(id));
  }

  /**
   * The import as JSON; with {@code Accept: text/csv} every rejected row instead, a line per
   * problem ({@code row,field,message}), streamed.
   */
  @GetMapping("/api/imports/{id}")
  ResponseEntity<ImportView> progress(@PathVariable String id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletResponse response) throws IOException {
    boolean csv = accept != null && MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(TEXT_CSV));
    if (!csv) {
      return ResponseEntity.ok(view(id));
    }
    if (imports.find(id).isEmpty()) {
      throw new NotFound("import", id);
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    imports.writeRejectedCsv(id, out);
    return null;
  }

  private ImportView view(String id) {
    ImportJobs.Status status = imports.find(id).orElseThrow(() -> new NotFound("import", id));
    String state = status.state();
    if (ImportJobs.RUNNING.equals(state) && status.processInstanceId() != null
        && runtime.createIncidentQuery().processInstanceId(status.processInstanceId()).count() > 0) {
      state = "FAILED";
    }
    return new ImportView(id, state, status.importedBy(), status.submittedAt(), status.finishedAt(), status.rowsTotal(),
        status.rowsDone(), status.created() + status.updated(), status.created(), status.updated(), status.rejected(),
        imports.rejected(id, REJECTED_SHOWN), status.columns());
  }

  private static InvalidRequest tooLarge() {
    return new InvalidRequest(HttpStatus.PAYLOAD_TOO_LARGE,
        "The file is larger than leadflow.import.max-file-size; nothing was imported", List.of());
  }

  /**
   * An import: {@code RUNNING}, {@code COMPLETED} or {@code FAILED} (an incident in Cockpit, after
   * its retries; it goes on from its last committed batch once the incident is resolved), rows
   * done of {@code rowsTotal}, leads created and updated, rows rejected ({@code rejectedCount}; the
   * first 1,000 in {@code rejected}, every one as CSV).
   */
  record ImportView(String id, String state, String importedBy, OffsetDateTime submittedAt, OffsetDateTime finishedAt,
      int rowsTotal, int rowsDone, int accepted, int created, int updated, int rejectedCount,
      List<LeadImport.RejectedRow> rejected, Map<String, String> columns) {}
}
