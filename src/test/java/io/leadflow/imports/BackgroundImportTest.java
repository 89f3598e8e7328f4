package io.leadflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.LeadImport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: a file above {@code leadflow.import.background-above} (256 KB) is accepted at once
 * (202) and imported by bpmn/lead-import.bpmn a batch (500 rows) per job; the test runs the jobs
 * (the job executor is off) and reads the progress through HTTP in between. A batch interrupted
 * before its commit (the application killed in the middle) leaves nothing, and the import goes on
 * after the last committed batch: every lead once, one journey each.
 */
@LeadflowTest
class BackgroundImportTest {

  private static final int ROWS = 2000;
  private static final String HEADER = "email,firstName,lastName,company,companySize,country,consent.given,consent.source,jobTitle\n";

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired ImportJobs imports;
  @Autowired LeadImport leadImport;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void givenALargeFile_whenItIsImportedInBatchesAndOneIsInterrupted_thenEveryRowIsTakenOnceAndEachLeadHasOneJourney() {
    // one slice: the batches in file order, as the counts below follow them
    Object slices = ReflectionTestUtils.getField(imports, "slices");
    ReflectionTestUtils.setField(imports, "slices", 1);
    try {
      importedInOneSlice();
    } finally {
      ReflectionTestUtils.setField(imports, "slices", slices);
    }
  }

  private void importedInOneSlice() {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String known = email(1500, run);
    assertThat(marketing.postJson("/api/leads", "{\"email\": \"" + known + "\", \"firstName\": \"Known\"}").status()).isEqualTo(201);
    byte[] file = file(run);
    assertThat(file.length).isGreaterThan(256 * 1024);

    Api.Response accepted = marketing.post("/api/leads/import", "text/csv", file);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).startsWith("/api/imports/");
    assertThat(accepted.json().get("state").asText()).isEqualTo("RUNNING");
    assertThat(accepted.json().get("rowsTotal").asInt()).isEqualTo(ROWS);
    assertThat(accepted.json().get("rowsDone").asInt()).isZero();
    String id = accepted.json().get("id").asText();
    ProcessInstance importRun = runtime.createProcessInstanceQuery().processDefinitionKey(LeadImportProcess.KEY)
        .processInstanceBusinessKey(id).singleResult();
    assertThat(importRun).isNotNull();
    assertThat(leadsOf(run)).isEqualTo(1);

    management.executeJob(batchOf(importRun).getId());
    JsonNode afterOne = marketing.get(location).json();
    assertThat(afterOne.get("rowsDone").asInt()).isEqualTo(500);
    assertThat(afterOne.get("rejectedCount").asInt()).isEqualTo(2);
    assertThat(leadsOf(run)).isEqualTo(1 + 498);
    assertThat(runtime.getVariables(importRun.getId())).containsEntry(LeadImportProcess.Variables.ROWS_TOTAL, ROWS);
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(importRun.getId())
        .variableName(LeadImportProcess.Variables.ROWS_DONE).singleResult().getValue())
        .as("Cockpit shows the slice's progress").isEqualTo(500);

    // the application dies in the middle of the next batch: its transaction never commits
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(imports.nextBatch(id, 0).rowsDone()).isEqualTo(1000);
      status.setRollbackOnly();
    });
    assertThat(marketing.get(location).json().get("rowsDone").asInt()).isEqualTo(500);
    assertThat(leadsOf(run)).isEqualTo(1 + 498);

    int batches = 1;
    Job batch;
    while ((batch = batchOf(importRun)) != null && batches < 20) {
      management.executeJob(batch.getId());
      batches++;
    }

    // 500 + 500 + 200 (row 1,202 repeats row 1,102's email: it waits for the next batch) + 500 + 300
    assertThat(batches).isEqualTo(5);
    assertThat(marketing.get(location).json().get("state").asText()).as("until 'Complete the import'").isEqualTo("RUNNING");
    finish(importRun);
    JsonNode done = marketing.get(location).json();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("finishedAt").isNull()).isFalse();
    assertThat(done.get("rowsDone").asInt()).isEqualTo(ROWS);
    assertThat(done.get("created").asInt()).isEqualTo(ROWS - 5 - 1 - 1);
    assertThat(done.get("updated").asInt()).isEqualTo(2);
    assertThat(done.get("accepted").asInt()).isEqualTo(ROWS - 5);
    assertThat(done.get("rejectedCount").asInt()).isEqualTo(5);
    List<Integer> rejectedRows = new ArrayList<>();
    done.get("rejected").forEach(row -> {
      rejectedRows.add(row.get("row").asInt());
      assertThat(row.get("errors").get(0).get("field").asText()).isEqualTo("email");
    });
    assertThat(rejectedRows).containsExactly(9, 409, 809, 1209, 1609);
    assertThat(done.get("columns").get("consent.given").asText()).isEqualTo("consent.given");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(importRun.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from lead_import_rows where import_id = ?", Integer.class, id)).isZero();

    assertThat(leadsOf(run)).isEqualTo(ROWS - 5 - 1);
    List<Map<String, Object>> journeys = jdbc.queryForList("select l.id, (select count(*) from act_ru_execution e"
        + " where e.id_ = e.proc_inst_id_ and e.proc_def_key_ = ? and e.business_key_ = l.id) journeys"
        + " from leads l where l.email like ?", LeadNurturingProcess.KEY, "%." + run + "@%");
    assertThat(journeys).hasSize(ROWS - 5 - 1).allSatisfy(lead -> assertThat(((Number) lead.get("journeys")).intValue()).isOne());
    assertThat(jdbc.queryForObject("select first_name from leads where email = ?", String.class, email(1100, run)))
        .isEqualTo("Again");
    assertThat(jdbc.queryForObject("select first_name from leads where email = ?", String.class, known)).isEqualTo("First1500");

    Api.Response csv = marketing.get(location, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).first().isEqualTo("row,field,message");
    assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line).containsAnyOf("row,field", ",email,"));
    assertThat(lines.get(1)).startsWith("9,email,");
  }

  @Test
  void givenALargeFileAsAFormUpload_whenItIsSent_thenItIsImportedInTheBackgroundToo() {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] file = file(run);

    Api.Response accepted = marketing.upload("/api/leads/import", "file", "fair.csv", "text/csv", file);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().get("id").asText();
    assertThat(accepted.header("Location")).isEqualTo("/api/imports/" + id);
    ProcessInstance importRun = runtime.createProcessInstanceQuery().processDefinitionKey(LeadImportProcess.KEY)
        .processInstanceBusinessKey(id).singleResult();
    finish(importRun);
    JsonNode done = marketing.get("/api/imports/" + id).json();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("created").asInt() + done.get("updated").asInt()).isEqualTo(ROWS - 5);
    assertThat(leadsOf(run)).isEqualTo(ROWS - 5 - 1);
  }

  /**
   * The case: a 20,000-row file through HTTP, its import job interrupted half-way (the
   * batch's transaction dies before its commit, as when the application is killed), then carried
   * on: exactly 20,000 leads, one journey each, nothing twice.
   */
  @Test
  void givenATwentyThousandRowFile_whenItsJobIsInterruptedHalfWay_thenExactly20000LeadsWithOneJourneyEach() {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 20_000; i++) {
      csv.append(String.join(",", email(i, run), "First" + i, "Last" + i, "Company " + (i % 700), String.valueOf(1 + i % 9),
          "ES", "true", "Trade fair " + run, "Buyer")).append('\n');
    }

    Api.Response accepted = marketing.post("/api/leads/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("rowsTotal").asInt()).isEqualTo(20_000);
    String id = accepted.json().get("id").asText();
    ProcessInstance importRun = runtime.createProcessInstanceQuery().processDefinitionKey(LeadImportProcess.KEY)
        .processInstanceBusinessKey(id).singleResult();
    // two slices side by side, as two job executor threads run them
    assertThat(batchesOf(importRun)).hasSize(2);
    for (int round = 0; round < 10; round++) {
      sideBySide(batchesOf(importRun));
    }
    assertThat(marketing.get("/api/imports/" + id).json().get("rowsDone").asInt()).isEqualTo(10_000);

    // killed in the middle of a slice's next batch: nothing of it commits
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      assertThat(imports.nextBatch(id, 0).rowsDone()).isEqualTo(10_500);
      status.setRollbackOnly();
    });
    assertThat(leadsOf(run)).isEqualTo(10_000);

    List<Job> batches;
    while (!(batches = batchesOf(importRun)).isEmpty()) {
      sideBySide(batches);
    }
    finish(importRun);

    JsonNode done = marketing.get("/api/imports/" + id).json();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("rowsDone").asInt()).isEqualTo(20_000);
    assertThat(done.get("created").asInt()).isEqualTo(20_000);
    assertThat(done.get("rejectedCount").asInt()).isZero();
    assertThat(leadsOf(run)).isEqualTo(20_000);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join leads l on e.business_key_ = l.id"
        + " where e.id_ = e.proc_inst_id_ and e.proc_def_key_ = ? and l.email like ?", Integer.class,
        LeadNurturingProcess.KEY, "%." + run + "@%")).as("journeys").isEqualTo(20_000);
    assertThat(jdbc.queryForObject("select count(distinct e.business_key_) from act_ru_execution e join leads l"
        + " on e.business_key_ = l.id where e.id_ = e.proc_inst_id_ and e.proc_def_key_ = ? and l.email like ?", Integer.class,
        LeadNurturingProcess.KEY, "%." + run + "@%")).as("leads with a journey").isEqualTo(20_000);
  }

  @Test
  void givenALargeWorkbook_whenItIsSent_thenItIsReadAsAStreamIntoABackgroundImport() throws IOException {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] workbook;
    try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Leads");
      Row header = sheet.createRow(0);
      String[] columns = {"email", "firstName", "company", "companySize", "country", "consent.given"};
      for (int c = 0; c < columns.length; c++) {
        header.createCell(c).setCellValue(columns[c]);
      }
      for (int i = 0; i < 12_000; i++) {
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(email(i, run));
        row.createCell(1).setCellValue("Name " + UUID.randomUUID());
        row.createCell(2).setCellValue("Company " + UUID.randomUUID());
        row.createCell(3).setCellValue(120 + i);
        row.createCell(4).setCellValue("ES");
        row.createCell(5).setCellValue(true);
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    assertThat(workbook.length).isGreaterThan(256 * 1024);

    Api.Response accepted = marketing.post("/api/leads/import",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("rowsTotal").asInt()).isEqualTo(12_000);
    String id = accepted.json().get("id").asText();
    ProcessInstance importRun = runtime.createProcessInstanceQuery().processDefinitionKey(LeadImportProcess.KEY)
        .processInstanceBusinessKey(id).singleResult();
    management.executeJob(batchesOf(importRun).get(0).getId());
    assertThat(marketing.get("/api/imports/" + id).json().get("created").asInt()).isEqualTo(500);
    Map<String, Object> lead = jdbc.queryForMap("select company_size, country, consent_given from leads where email = ?",
        email(7, run));
    assertThat(((Number) lead.get("company_size")).intValue()).isEqualTo(127);
    assertThat(lead.get("country")).isEqualTo("ES");
    assertThat(lead.get("consent_given")).isEqualTo(true);
  }

  @Test
  void givenAFileWithMoreRowsThanAllowed_whenItIsSent_thenPayloadTooLargeAndNothingIsStored() {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    Integer importsBefore = jdbc.queryForObject("select count(*) from lead_imports", Integer.class);
    Object maxRows = ReflectionTestUtils.getField(leadImport, "maxRows");
    ReflectionTestUtils.setField(leadImport, "maxRows", 1_500);
    try {
      Api.Response refused = marketing.post("/api/leads/import", "text/csv", file(run));

      assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
      assertThat(refused.json().get("detail").asText()).contains("leadflow.import.max-rows");
    } finally {
      ReflectionTestUtils.setField(leadImport, "maxRows", maxRows);
    }
    assertThat(jdbc.queryForObject("select count(*) from lead_imports", Integer.class)).isEqualTo(importsBefore);
    assertThat(leadsOf(run)).isZero();
  }

  @Test
  void givenNoSuchImport_whenItIsAskedFor_thenNotFoundAsAProblem() {
    Api.Response response = Api.at(port).as("mia", "demo").get("/api/imports/" + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void givenASalesRep_whenItAsksForAnImport_thenForbidden() {
    Api.Response response = Api.at(port).as("sam", "demo").get("/api/imports/" + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(403);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String email(int i, String run) {
    return "lead" + i + "." + run + "@importjob-" + (i % 23) + ".example";
  }

  /**
   * {@link #ROWS} rows: every 400th (from the 8th) without a valid email, the 1,101st's email again
   * at the 1,201st, and the 1,501st's email already a lead.
   */
  private static byte[] file(String run) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < ROWS; i++) {
      String email = i % 400 == 7 ? "not-an-email-" + i : i == 1200 ? email(1100, run) : email(i, run);
      String first = i == 1200 ? "Again" : "First" + i;
      csv.append(String.join(",", email, first, "Last" + i, "\"Importing Company " + i + ", Ltd\"", String.valueOf(1 + i % 9),
          "DE", "true", "Trade fair " + run, "Head of Something Rather Important")).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Job batchOf(ProcessInstance importRun) {
    List<Job> batches = batchesOf(importRun);
    assertThat(batches).hasSizeLessThanOrEqualTo(1);
    return batches.isEmpty() ? null : batches.get(0);
  }

  private List<Job> batchesOf(ProcessInstance importRun) {
    return management.createJobQuery().processInstanceId(importRun.getId())
        .activityId(LeadImportProcess.Elements.IMPORT_BATCH).list();
  }

  /** The jobs at once, each on a thread of its own, as the job executor runs jobs that are not exclusive. */
  private void sideBySide(List<Job> jobs) {
    List<java.util.concurrent.CompletableFuture<Void>> running = jobs.stream()
        .map(job -> java.util.concurrent.CompletableFuture.runAsync(() -> management.executeJob(job.getId())))
        .toList();
    running.forEach(java.util.concurrent.CompletableFuture::join);
  }

  /** Every job left: the batches, the slices' ends and "Complete the import", one at a time. */
  private void finish(ProcessInstance importRun) {
    List<Job> jobs;
    int guard = 0;
    while (!(jobs = management.createJobQuery().processInstanceId(importRun.getId()).list()).isEmpty() && guard++ < 500) {
      management.executeJob(jobs.get(0).getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(importRun.getId()).count()).isZero();
  }

  private int leadsOf(String run) {
    return jdbc.queryForObject("select count(*) from leads where email like ?", Integer.class, "%." + run + "@%");
  }
}
