package io.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.leadflow.decision.DeployedDecisions;
import io.leadflow.journey.LeadNurturingProcess;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Leadflow's performance benchmark: {@code ./mvnw -Pbenchmark test -Dbenchmark.size=100000}
 * (docs/benchmark.md). Leadflow runs as shipped for production (profile {@code postgres}) on a
 * fresh PostgreSQL database, email goes to a real SMTP server in this JVM ({@link BenchmarkMailServer}), and each
 * scenario is measured beside a reference: the least the engine itself does for the same thing,
 * in the same run, on the same database. Prints a table and writes it to {@code target/benchmark/}.
 *
 * <p>Sizes: {@code benchmark.size} leads are captured and wait in their journeys (the footprint is
 * measured with them); {@code benchmark.backlog} of them (default: up to 50,000) get their next
 * send due at once; {@code benchmark.sample} requests measure each HTTP rate; {@code
 * benchmark.threads} client threads send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "benchmark"})
class LeadflowBenchmark {

  static final int SIZE = Integer.getInteger("benchmark.size", 10_000);
  static final int BACKLOG = Integer.getInteger("benchmark.backlog", Math.min(SIZE, 50_000));
  static final int SAMPLE = Integer.getInteger("benchmark.sample", 4_000);
  static final int THREADS = Integer.getInteger("benchmark.threads", 8);
  static final int SMTP_PORT = Integer.getInteger("benchmark.smtp-port", 3465);
  static final int WARM_UP_LEADS = Math.min(1_000, SIZE / 2);
  static final int BATCH = 100;
  static final List<String> ALL = List.of("scoring", "capture", "intake", "sends", "imports", "reports");
  /** The scenarios this run measures ({@code benchmark.scenarios}, comma-separated): see {@link #ALL}. */
  static final Set<String> SCENARIOS = scenarios(System.getProperty("benchmark.scenarios", "all"));

  /** {@code benchmark.mail-server}: {@code subetha} (default) or {@code greenmail}, see {@link BenchmarkMailServer}. */
  static final String MAIL_SERVER = System.getProperty("benchmark.mail-server", "subetha");
  static BenchmarkMailServer smtp;
  static final String ADMIN = "admin";
  static final String PASSWORD = "benchmark-admin-password";

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    String url = BenchmarkDatabase.createFresh();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> BenchmarkDatabase.USER);
    registry.add("spring.datasource.password", () -> BenchmarkDatabase.PASSWORD);
    registry.add("spring.mail.port", () -> SMTP_PORT);
    smtp = BenchmarkMailServer.start(MAIL_SERVER, SMTP_PORT);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DeployedDecisions scoringDecisions;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired CamundaBpmProperties camunda;

  private final Report report = new Report();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  @Test
  void benchmark() throws Exception {
    try (AutovacuumStandIn autovacuum = new AutovacuumStandIn(jdbc)) {
      run();
    }
  }

  private void run() throws Exception {
    JobExecutorSwitch jobExecutor = new JobExecutorSwitch(engine);
    jobExecutor.hold();
    HttpLoad http = new HttpLoad(URI.create("http://localhost:" + port + "/"), ADMIN, PASSWORD, THREADS);
    DatabaseFootprint database = new DatabaseFootprint(jdbc);
    Backlog backlog = new Backlog(jdbc);
    BareProcesses.deploy(engine);
    describeSetting(jobExecutor.jobExecutor());
    log("size %d leads, backlog %d, sample %d requests, %d client threads", SIZE, BACKLOG, SAMPLE, THREADS);

    log("scenarios %s", SCENARIOS);

    // 4. Scoring alone
    if (runs("scoring")) {
      log("scoring");
      scoring();
    }

    // the reference of capture and import: a bare start over the engine's REST API
    Measurement bareStart = null;
    if (runs("capture") || runs("imports")) {
      http.asFastAsPossible(200, i -> bareStart(http, "warm-" + i));
      bareStart = http.asFastAsPossible(SAMPLE, i -> bareStart(http, "s-" + i));
      report.scenario("Reference: bare process start over REST (waits on a timer)", bareStart, "", null);
    }
    if (runs("capture")) {
      captureIntakeAndSends(http, jobExecutor, database, backlog, bareStart);
    }

    // 5. Import: a large file in the background, its batches run one after another as the job
    // executor would run them (the welcome emails it leaves are not part of it)
    if (runs("imports")) {
      log("import");
      importFile(bareStart);
    }

    // 6. Reports over the leads there are, with a history of 90 days written beside them
    if (runs("reports")) {
      log("reports");
      reports();
    }

    String markdown = report.markdown();
    Path file = report.write(Path.of("target", "benchmark"),
        "leadflow-benchmark-" + LocalDate.now(ZoneOffset.UTC) + "-" + SIZE + ".md");
    System.out.println();
    System.out.println("Leadflow benchmark, " + Instant.now() + " (also in " + file + ")");
    System.out.println();
    System.out.println(markdown);
    Files.writeString(Path.of("target", "benchmark", "last.md"), markdown);
  }

  /** 1-3: capture, the welcome backlog and the footprint per lead; interaction intake; the timer backlog. */
  private void captureIntakeAndSends(HttpLoad http, JobExecutorSwitch jobExecutor, DatabaseFootprint database,
      Backlog backlog, Measurement bareStart) throws Exception {
    log("capture");

    DatabaseFootprint.Sizes empty = database.now();
    http.asFastAsPossible(WARM_UP_LEADS, i -> capture(http, "w" + i));
    drainWelcomes(jobExecutor, backlog, WARM_UP_LEADS, false);
    long heapAtWarmUp = heapAfterGc();

    int halfRateLeads = Math.min(SAMPLE / 2, (SIZE - WARM_UP_LEADS) / 4);
    int maxRateLeads = SIZE - WARM_UP_LEADS - halfRateLeads;
    log("capturing %d leads", maxRateLeads);
    Measurement capture = http.asFastAsPossible(maxRateLeads, i -> capture(http, "m" + i));
    report.scenario("Capture: POST /api/leads, lead stored, journey started", capture, bareStart,
        ">= 0.5 x reference", capture.rate() / bareStart.rate() >= 0.5 && capture.failures() == 0);
    Measurement captureHalf = http.atRate(halfRateLeads, capture.rate() / 2, i -> capture(http, "h" + i));
    report.scenario("Capture at half the maximum rate", captureHalf, "", null);

    log("welcome backlog");
    Measurement welcomes = drainWelcomes(jobExecutor, backlog, SIZE - WARM_UP_LEADS, true);
    report.scenario("Welcome backlog: journey start + personalised welcome email (job executor)", welcomes, "", null);
    long heapAtSize = heapAfterGc();
    DatabaseFootprint.Sizes waiting = database.now();
    long leads = jdbc.queryForObject("select count(*) from leads", Long.class);
    long waitingJourneys = jdbc.queryForObject("""
        select count(distinct j.process_instance_id_) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.proc_def_key_ = ? and d.act_id_ = ?
        """, Long.class, LeadNurturingProcess.KEY, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    assertThat(leads).isEqualTo(SIZE);
    assertThat(waitingJourneys).as("journeys waiting for their next send").isEqualTo(SIZE);
    double perLead = waiting.bytesPerUnitSince(empty, SIZE);
    report.footprint("Database per waiting lead (" + SIZE + " leads, welcome sent)", waiting.perUnitSince(empty, SIZE),
        "< 10 KB", perLead < 10 * 1024);
    report.footprint("JVM heap after full GC, " + WARM_UP_LEADS + " leads", mb(heapAtWarmUp), "", null);
    report.footprint("JVM heap after full GC, " + SIZE + " leads", mb(heapAtSize),
        "flat: at most " + WARM_UP_LEADS + " leads' + 10 %", heapAtSize <= heapAtWarmUp * 1.10);

    if (runs("intake")) {
      intake(http, jobExecutor, database, backlog);
    }
    if (runs("sends")) {
      sends(jobExecutor, database, backlog);
    }
  }

  /** 2. Interaction intake: the reference (a bare correlation over REST), then ours. */
  private void intake(HttpLoad http, JobExecutorSwitch jobExecutor, DatabaseFootprint database, Backlog backlog)
      throws Exception {
    log("interaction intake");
    List<String> leadIds = jdbc.queryForList("select id from leads order by id", String.class);
    int correlated = Math.max(THREADS * 4, Math.min(1_000, SIZE));
    HttpLoad.inProcess(correlated, 4, i -> engine.getRuntimeService()
        .startProcessInstanceByKey(BareProcesses.CORRELATION, "c-" + i));
    http.asFastAsPossible(200, i -> bareCorrelation(http, i % correlated));
    Measurement bareCorrelation = http.asFastAsPossible(SAMPLE, i -> bareCorrelation(http, i % correlated));
    report.scenario("Reference: bare message correlation over REST", bareCorrelation, "", null);

    http.asFastAsPossible(500, i -> interaction(http, leadIds, i + 7_000_000));
    DatabaseFootprint.Sizes beforeIntake = database.now();
    long interactionsBefore = jdbc.queryForObject("select count(*) from interactions", Long.class);
    Measurement single = http.asFastAsPossible(SAMPLE, i -> interaction(http, leadIds, i));
    report.scenario("Interaction intake, single: POST /api/interactions", single, bareCorrelation,
        ">= 2.0 x reference", single.rate() / bareCorrelation.rate() >= 2.0 && single.failures() == 0);
    Measurement singleHalf = http.atRate(SAMPLE / 2, single.rate() / 2, i -> interaction(http, leadIds, i + 1_000_000));
    report.scenario("Interaction intake, single, at half the maximum rate", singleHalf, "p99 < 50 ms",
        singleHalf.percentileMillis(99) < 50 && singleHalf.failures() == 0);
    int batches = Math.max(20, SAMPLE / BATCH);
    Measurement batch = http.asFastAsPossible(batches, i -> interactions(http, leadIds, 2_000_000 + i * BATCH)).perItem(BATCH);
    report.scenario("Interaction intake, batches of 100 (per interaction; latency per batch)", batch, bareCorrelation,
        ">= 5.0 x reference", batch.rate() / bareCorrelation.rate() >= 5.0 && batch.failures() == 0);
    Measurement batchHalf = http.atRate(batches / 2, batch.rate() / BATCH / 2,
        i -> interactions(http, leadIds, 3_000_000 + i * BATCH)).perItem(BATCH);
    report.scenario("Interaction intake, batches of 100, at half the maximum rate", batchHalf, "", null);
    long lastInteraction = System.nanoTime();
    long waitingChanges = jdbc.queryForObject("select count(*) from lead_change_outbox", Long.class);
    Backlog.await(Instant.now(), Duration.ofMinutes(10),
        () -> jdbc.queryForObject("select count(*) from lead_change_outbox", Long.class) == 0);
    double drainedAfter = (System.nanoTime() - lastInteraction) / 1e9;
    report.footprint("Lead change relay: outbox drained after the last interaction (" + waitingChanges
        + " changes waiting then)", String.format(Locale.ROOT, "%.1f s", drainedAfter),
        "< 10 s (hand-off within seconds)", drainedAfter < 10);
    DatabaseFootprint.Sizes afterIntake = database.now();
    long interactionsStored = jdbc.queryForObject("select count(*) from interactions", Long.class) - interactionsBefore;
    assertThat(interactionsStored).isEqualTo(single.count() + singleHalf.count() + batch.count() + batchHalf.count());
    report.footprint("Database per interaction (" + interactionsStored + " interactions)",
        afterIntake.perUnitSince(beforeIntake, interactionsStored), "< 2 KB",
        afterIntake.bytesPerUnitSince(beforeIntake, interactionsStored) < 2 * 1024);
    drainOtherJobs(jobExecutor, backlog);
  }

  /**
   * 3. Timer backlog: the reference (bare timers), then ours (a lead that qualified while
   * interactions came in waits for sales now, not for its next send).
   */
  private void sends(JobExecutorSwitch jobExecutor, DatabaseFootprint database, Backlog backlog) throws Exception {
    int due = (int) Math.min(BACKLOG, backlog.waitingTimers(LeadNurturingProcess.KEY, LeadNurturingProcess.Elements.NEXT_SEND_DUE));
    log("%d of %d journeys wait for a send", due, BACKLOG);
    Measurement bareTimers = bareTimerBacklog(jobExecutor, backlog, due);
    report.scenario("Reference: bare timer jobs (job executor)", bareTimers, "", null);
    DatabaseFootprint.Sizes beforeSends = database.now();
    Measurement sends = timerBacklog(jobExecutor, backlog, due);
    DatabaseFootprint.Sizes afterSends = database.now();
    double fiveMinutesRate = 50_000 / 300.0;
    report.scenario("Timer backlog: " + due + " due sends, one email each (job executor)", sends, bareTimers,
        ">= 0.5 x reference, >= " + String.format(Locale.ROOT, "%.0f", fiveMinutesRate) + "/s (50,000 in 5 min)",
        sends.rate() / bareTimers.rate() >= 0.5 && sends.rate() >= fiveMinutesRate && sends.failures() == 0);
    report.footprint("Database per content sent (" + due + " sends)", afterSends.perUnitSince(beforeSends, due),
        "< 2 KB", afterSends.bytesPerUnitSince(beforeSends, due) < 2 * 1024);
  }

  // ---------------------------------------------------------------- scenarios

  /**
   * The scenarios named, with those they stand on: intake and sends need the captured leads
   * (capture), the reports the imported ones (imports). {@code all}: every one.
   */
  static Set<String> scenarios(String names) {
    Set<String> chosen = new java.util.LinkedHashSet<>();
    for (String name : names.split(",")) {
      String scenario = name.trim().toLowerCase(Locale.ROOT);
      if (scenario.equals("all")) {
        chosen.addAll(ALL);
      } else if (!ALL.contains(scenario)) {
        throw new IllegalArgumentException("benchmark.scenarios: unknown scenario " + scenario + "; known: all, " + ALL);
      } else {
        chosen.add(scenario);
      }
    }
    if (chosen.contains("intake") || chosen.contains("sends")) {
      chosen.add("capture");
    }
    if (chosen.contains("reports")) {
      chosen.add("imports");
    }
    return ALL.stream().filter(chosen::contains).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static boolean runs(String scenario) {
    return SCENARIOS.contains(scenario);
  }

  /**
   * Each report over the last 90 days through {@code GET /api/reports/...} as a manager's browser
   * asks for it, one request at a time: warmed up, then {@code benchmark.report-requests} (20)
   * each, over every lead in the database and the history {@link ReportHistory} writes for them.
   */
  private void reports() {
    long leads = jdbc.queryForObject("select count(*) from leads", Long.class);
    int added = new ReportHistory(jdbc).write();
    long transitions = jdbc.queryForObject("select count(*) from lead_transitions", Long.class);
    log("report history: %d leads, %d transitions (%d added)", leads, transitions, added);
    HttpLoad oneManager = new HttpLoad(URI.create("http://localhost:" + port + "/"), ADMIN, PASSWORD, 1);
    String period = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(89) + "&to=" + LocalDate.now(ZoneOffset.UTC);
    int requests = Integer.getInteger("benchmark.report-requests", 20);
    for (String report : List.of("campaigns", "campaigns?attribution=last&", "funnel", "speed-to-lead", "score-quality",
        "funnel?campaign=bench-3&")) {
      String path = "api/reports/" + (report.endsWith("&") ? report + period.substring(1) : report + period);
      oneManager.asFastAsPossible(3, i -> oneManager.get(path));
      Measurement answered = oneManager.asFastAsPossible(requests, i -> oneManager.get(path));
      this.report.scenario("Report " + path.substring("api/reports/".length()).replaceAll("from=[^&]*&to=[^&]*", "last 90 days")
              + " over " + String.format(Locale.ROOT, "%,d", leads) + " leads, " + String.format(Locale.ROOT, "%,d", transitions)
              + " transitions", answered, "p99 < 2 s", answered.percentileMillis(99) < 2_000 && answered.failures() == 0);
    }
  }

  private void scoring() {
    DecisionService decisionService = engine.getDecisionService();
    int ours = Integer.getInteger("benchmark.scoring-evaluations", 20_000);
    int theirs = Math.max(500, ours / 50);
    // warmed on one thread and on two as long as measured: the first measured run of 2026-12-04
    // (3,393/s on one thread after a warm-up of 4,000) ran while the JIT still compiled it
    HttpLoad.inProcess(ours, 1, this::scoreWithLeadflow);
    HttpLoad.inProcess(ours, 2, this::scoreWithLeadflow);
    HttpLoad.inProcess(theirs / 5, 2, i -> scoreWithDecisionService(decisionService, i));
    Measurement reference1 = HttpLoad.inProcess(theirs, 1, i -> scoreWithDecisionService(decisionService, i));
    Measurement reference2 = HttpLoad.inProcess(theirs, 2, i -> scoreWithDecisionService(decisionService, i));
    report.scenario("Reference: Camunda DecisionService, fit + engagement + rating, 2 threads", reference2, "", null);
    Measurement one = HttpLoad.inProcess(ours, 1, this::scoreWithLeadflow);
    report.scenario("Scoring alone: fit + engagement + rating, 1 thread", one, reference1, ">= 5,000/s", one.rate() >= 5_000);
    Measurement two = HttpLoad.inProcess(ours, 2, this::scoreWithLeadflow);
    report.scenario("Scoring alone: fit + engagement + rating, 2 threads", two, reference2, ">= 5,000/s", two.rate() >= 5_000);

    // the same decisions on Camunda's default DMN engine and FEEL (no CachingFeelEngine), in memory
    // as ours: does upstream FEEL reach the target by itself? (docs/benchmark.md, scoring)
    DefaultEngineScoring plain = new DefaultEngineScoring(Path.of("bpmn"));
    HttpLoad.inProcess(Math.max(500, ours / 20), 2, i -> plain.score(fitInputs(i), engagementInputs(i), qualificationInputs(i)));
    String feel = DefaultEngineScoring.feelEngineVersion();
    for (int threads : new int[] {1, 2}) {
      Measurement defaults = HttpLoad.inProcess(Math.max(1_000, ours / 4), threads,
          i -> plain.score(fitInputs(i), engagementInputs(i), qualificationInputs(i)));
      Measurement cached = threads == 1 ? one : two;
      report.scenario("Scoring alone on Camunda's default FEEL engine (feel-engine " + feel + "), " + threads + " thread"
          + (threads == 1 ? "" : "s") + "; ours is " + String.format(Locale.ROOT, "%.1f", cached.rate() / defaults.rate())
          + "x", defaults, "", null);
    }
  }

  private void scoreWithLeadflow(int i) {
    scoringDecisions.evaluate("fit-score", fitInputs(i));
    scoringDecisions.evaluate("engagement-score", engagementInputs(i));
    scoringDecisions.evaluate("lead-qualification", qualificationInputs(i));
  }

  private static void scoreWithDecisionService(DecisionService decisions, int i) {
    decisions.evaluateDecisionByKey("fit-score").variables(fitInputs(i)).evaluate();
    decisions.evaluateDecisionByKey("engagement-score").variables(engagementInputs(i)).evaluate();
    decisions.evaluateDecisionByKey("lead-qualification").variables(qualificationInputs(i)).evaluate();
  }

  private Measurement drainWelcomes(JobExecutorSwitch jobExecutor, Backlog backlog, int expected, boolean measured)
      throws Exception {
    Instant since = Instant.now();
    long sentBefore = sentSince(Instant.EPOCH);
    jobExecutor.release();
    Duration took = Backlog.await(since, Duration.ofHours(2),
        () -> sentSince(Instant.EPOCH) - sentBefore >= expected && backlog.executable(LeadNurturingProcess.KEY) == 0);
    jobExecutor.hold();
    long sent = sentSince(since);
    long failed = backlog.failed(LeadNurturingProcess.KEY);
    assertThat(sent).as("welcome emails").isEqualTo(expected);
    assertThat(smtp.received()).isEqualTo(expected);
    smtp.forget();
    return Measurement.of(expected, took, failed, measured ? backlog.latencies(
        "select sent_at from deliveries where sent_at >= ?", since) : null);
  }

  private Measurement bareTimerBacklog(JobExecutorSwitch jobExecutor, Backlog backlog, int count) {
    log("starting %d bare timer instances", count);
    HttpLoad.inProcess(count, 4, i -> engine.getRuntimeService().startProcessInstanceByKey(BareProcesses.TIMER, "t-" + i));
    int due = backlog.makeDue(BareProcesses.TIMER, "Event_Due", count);
    assertThat(due).isEqualTo(count);
    Instant since = Instant.now();
    jobExecutor.release();
    Duration took = Backlog.await(since, Duration.ofHours(1), () -> backlog.executable(BareProcesses.TIMER) == 0);
    jobExecutor.hold();
    return Measurement.of(count, took, backlog.failed(BareProcesses.TIMER), backlog.latencies(
        "select end_time_ from act_hi_procinst where proc_def_key_ = 'benchmark-bare-timer' and end_time_ >= ?", since));
  }

  private Measurement timerBacklog(JobExecutorSwitch jobExecutor, Backlog backlog, int due) throws Exception {
    smtp.forget();
    assertThat(backlog.makeDue(LeadNurturingProcess.KEY, LeadNurturingProcess.Elements.NEXT_SEND_DUE, due)).isEqualTo(due);
    log("%d sends due", due);
    Instant since = Instant.now();
    jobExecutor.release();
    Duration took = Backlog.await(since, Duration.ofHours(2),
        () -> sentSince(since) >= due && backlog.executable(LeadNurturingProcess.KEY) == 0);
    jobExecutor.hold();
    // exactly one email per due send: none missing, none twice
    int received = smtp.received();
    Map<String, Integer> recipients = smtp.perRecipient();
    long deliveries = sentSince(since);
    long leadsServed = jdbc.queryForObject("select count(distinct lead_id) from deliveries where created_at >= ?",
        Long.class, java.sql.Timestamp.from(since));
    log("timer backlog: %d emails received, %d recipients, %d deliveries for %d leads",
        received, recipients.size(), deliveries, leadsServed);
    assertThat(received).isEqualTo(due);
    assertThat(recipients).hasSize(due).allSatisfy((recipient, emails) -> assertThat(emails).isEqualTo(1));
    assertThat(deliveries).isEqualTo(due);
    assertThat(leadsServed).isEqualTo(due);
    smtp.forget();
    return Measurement.of(due, took, backlog.failed(LeadNurturingProcess.KEY), backlog.latencies(
        "select sent_at from deliveries where sent_at >= ?", since));
  }

  /** Hand-overs and other jobs that interactions may have caused run before the timer backlog is measured. */
  private void drainOtherJobs(JobExecutorSwitch jobExecutor, Backlog backlog) throws Exception {
    jobExecutor.release();
    Backlog.await(Instant.now(), Duration.ofMinutes(30), () -> jdbc.queryForObject(
        "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())", Long.class) == 0);
    jobExecutor.hold();
    smtp.forget();
  }

  private long sentSince(Instant since) {
    return jdbc.queryForObject("select count(*) from deliveries where status = 'SENT' and sent_at >= ?", Long.class,
        java.sql.Timestamp.from(since));
  }

  // ---------------------------------------------------------------- requests

  private static final String[] INDUSTRIES = {"Software", "Manufacturing", "Finance", "Healthcare", "Retail", "Education"};
  private static final String[] TITLES = {"CTO", "Head of Marketing", "Marketing Manager", "Developer", "CEO", "Student"};
  private static final String[] COUNTRIES = {"DE", "US", "GB", "FR", "BR", "JP", "IN", "NL"};
  private static final int[] SIZES = {5, 40, 180, 900, 4_000, 25_000};
  private static final String[] TYPES = {"PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW", "PAGE_VIEW",
      "EMAIL_OPEN", "EMAIL_OPEN", "EMAIL_CLICK", "CONTENT_DOWNLOAD"};
  private static final String[] URLS = {"/blog/lead-scoring", "/pricing", "/product", "/case-studies", "/docs"};

  /**
   * A CSV of {@code benchmark.import-rows} (default {@code benchmark.size}) new leads, sent to
   * {@code POST /api/leads/import} (202), then every batch of its import: from the upload to the
   * last batch's commit, every lead stored and its journey created. Beside the bare process start.
   */
  private void importFile(Measurement bareStart) throws Exception {
    int rows = Integer.getInteger("benchmark.import-rows", SIZE);
    StringBuilder csv = new StringBuilder(
        "email,firstName,lastName,company,companySize,industry,jobTitle,country,campaign,consent.given,consent.source\n");
    for (int i = 0; i < rows; i++) {
      csv.append(String.join(",", "import-" + run + "-" + i + "@benchmark.example", "Lea", "Import " + i, "Company " + (i % 5_000),
          String.valueOf(SIZES[i % SIZES.length]), INDUSTRIES[i % INDUSTRIES.length], TITLES[(i / 7) % TITLES.length],
          COUNTRIES[(i / 3) % COUNTRIES.length], "benchmark-import", "true", "benchmark")).append('\n');
    }
    byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long leadsBefore = jdbc.queryForObject("select count(*) from leads", Long.class);
    long journeysBefore = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).count();
    java.util.concurrent.ExecutorService importThreads = java.util.concurrent.Executors.newFixedThreadPool(
        camunda.getJobExecution().getMaxPoolSize());
    Instant start = Instant.now();
    java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/import"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ADMIN + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .header("Content-Type", "text/csv")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    Duration upload = Duration.between(start, Instant.now());
    String importId = accepted.headers().firstValue("Location").orElseThrow().replace("/api/imports/", "");
    String importRun = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(io.leadflow.imports.LeadImportProcess.KEY).processInstanceBusinessKey(importId).singleResult().getId();
    // the slices' batches side by side, a thread each, as job executor threads take jobs that are
    // not exclusive; then the slices' ends and "Complete the import"
    org.camunda.bpm.engine.ManagementService jobs = engine.getManagementService();
    List<org.camunda.bpm.engine.runtime.Job> due;
    while (!(due = jobs.createJobQuery().processInstanceId(importRun).list()).isEmpty()) {
      List<org.camunda.bpm.engine.runtime.Job> batches = due.stream()
          .filter(job -> !((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive()).toList();
      if (batches.isEmpty()) {
        jobs.executeJob(due.get(0).getId()); // exclusive jobs of one instance run one at a time
        continue;
      }
      batches.stream().map(job -> java.util.concurrent.CompletableFuture.runAsync(() -> jobs.executeJob(job.getId()), importThreads))
          .toList().forEach(java.util.concurrent.CompletableFuture::join);
    }
    Duration took = Duration.between(start, Instant.now());
    importThreads.shutdown();
    assertThat(jdbc.queryForObject("select state from lead_imports where id = ?", String.class, importId)).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForObject("select count(*) from leads", Long.class) - leadsBefore).isEqualTo(rows);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LeadNurturingProcess.KEY).count()
        - journeysBefore).as("journeys created").isEqualTo(rows);
    log("import of %d rows: upload answered (202) in %d ms, all done in %d ms", rows, upload.toMillis(), took.toMillis());
    Measurement imported = Measurement.of(rows, took, 0, null);
    report.scenario("Import: " + rows + "-row CSV, POST /api/leads/import (202) to its last batch: leads stored, journeys created",
        imported, bareStart, ">= 1,000 rows/s", imported.rate() >= 1_000);
  }

  private java.net.http.HttpRequest capture(HttpLoad http, String n) {
    int i = Math.abs(n.hashCode());
    String body = """
        {"email":"lead-%s-%s@benchmark.example","firstName":"Lea","lastName":"Bench %s","company":"Company %d",
         "companySize":%d,"industry":"%s","jobTitle":"%s","country":"%s","campaign":"benchmark",
         "consent":{"given":true,"at":"%s","source":"benchmark"}}
        """.formatted(run, n, n, i % 5_000, SIZES[i % SIZES.length], INDUSTRIES[i % INDUSTRIES.length],
        TITLES[(i / 7) % TITLES.length], COUNTRIES[(i / 3) % COUNTRIES.length], Instant.now().minus(Duration.ofDays(1)));
    return http.post("api/leads", body);
  }

  private static String interactionJson(List<String> leadIds, int i) {
    String lead = leadIds.get(Math.floorMod(i * 7_919, leadIds.size()));
    String type = TYPES[Math.floorMod(i * 31, TYPES.length)];
    return """
        {"leadId":"%s","type":"%s","externalId":"benchmark-%d","details":{"url":"https://leadflow.example%s"}}"""
        .formatted(lead, type, i, URLS[Math.floorMod(i, URLS.length)]);
  }

  private static java.net.http.HttpRequest interaction(HttpLoad http, List<String> leadIds, int i) {
    return http.post("api/interactions", interactionJson(leadIds, i));
  }

  private static java.net.http.HttpRequest interactions(HttpLoad http, List<String> leadIds, int first) {
    return http.post("api/interactions", IntStream.range(first, first + BATCH)
        .mapToObj(i -> interactionJson(leadIds, i)).collect(Collectors.joining(",", "[", "]")));
  }

  private static java.net.http.HttpRequest bareStart(HttpLoad http, String businessKey) {
    return http.post("engine-rest/process-definition/key/" + BareProcesses.START + "/start",
        "{\"businessKey\":\"" + businessKey + "\"}");
  }

  private static java.net.http.HttpRequest bareCorrelation(HttpLoad http, int instance) {
    return http.post("engine-rest/message",
        "{\"messageName\":\"" + BareProcesses.MESSAGE + "\",\"businessKey\":\"c-" + instance + "\"}");
  }

  private static Map<String, Object> fitInputs(int i) {
    return Map.of("companySize", SIZES[i % SIZES.length], "industry", INDUSTRIES[i % INDUSTRIES.length],
        "jobTitle", TITLES[(i / 7) % TITLES.length], "country", COUNTRIES[(i / 3) % COUNTRIES.length]);
  }

  private static Map<String, Object> engagementInputs(int i) {
    return Map.of("type", TYPES[i % TYPES.length], "url", "https://leadflow.example" + URLS[i % URLS.length],
        "timesToday", (long) (1 + i % 4));
  }

  private static Map<String, Object> qualificationInputs(int i) {
    java.util.HashMap<String, Object> inputs = new java.util.HashMap<>();
    inputs.put("fit", (i * 7) % 100);
    inputs.put("engagement", (i * 13) % 120);
    inputs.put("total", (i * 7) % 100 + (i * 13) % 120);
    inputs.put("trigger", i % 3 == 0 ? null : TYPES[i % TYPES.length]);
    inputs.put("status", "NURTURING");
    return inputs;
  }

  // ---------------------------------------------------------------- the setting

  private void describeSetting(JobExecutor jobExecutor) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    report.setting("Date", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    report.setting("Machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
        + os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB memory");
    report.setting("Java", System.getProperty("java.vm.name") + " " + Runtime.version() + ", heap max "
        + mb(Runtime.getRuntime().maxMemory()));
    report.setting("PostgreSQL", jdbc.queryForObject("show server_version", String.class) + " on "
        + BenchmarkDatabase.SERVER + ", shared_buffers " + jdbc.queryForObject("show shared_buffers", String.class)
        + ", synchronous_commit " + jdbc.queryForObject("show synchronous_commit", String.class)
        + ", max_connections " + jdbc.queryForObject("show max_connections", String.class)
        + ", autovacuum " + jdbc.queryForObject("show autovacuum", String.class)
        + ("off".equals(jdbc.queryForObject("show autovacuum", String.class))
            ? " (its analyses done by the benchmark: AutovacuumStandIn)" : ""));
    report.setting("Camunda", org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion()
        + ", history level " + configuration.getHistory()
        + ", JDBC batch processing " + configuration.isJdbcBatchProcessing());
    var execution = camunda.getJobExecution();
    report.setting("Job executor", "pool " + execution.getCorePoolSize() + "-" + execution.getMaxPoolSize()
        + " threads, queue " + execution.getQueueCapacity()
        + ", acquisition " + jobExecutor.getMaxJobsPerAcquisition() + " jobs, wait " + jobExecutor.getWaitTimeInMillis()
        + "-" + jobExecutor.getMaxWait() + " ms, lock " + jobExecutor.getLockTimeInMillis() + " ms, backoff "
        + jobExecutor.getBackoffTimeInMillis() + "-" + jobExecutor.getMaxBackoff() + " ms");
    if (dataSource instanceof HikariDataSource hikari) {
      report.setting("Connection pool", "Hikari, " + hikari.getMaximumPoolSize() + " connections, "
          + hikari.getDataSourceProperties());
    }
    report.setting("Load", SIZE + " leads, " + BACKLOG + " due sends, " + SAMPLE + " requests per HTTP rate, "
        + THREADS + " client threads (in the same JVM, over loopback), HTTP Basic as " + ADMIN);
    report.setting("Mail server", smtp.describe() + ", in the same JVM, on 127.0.0.1:" + SMTP_PORT);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown CPU");
    } catch (Exception e) {
      return "unknown CPU";
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / (1024.0 * 1024.0));
  }

  private static void log(String format, Object... args) {
    System.out.println("benchmark: " + Instant.now() + " " + String.format(Locale.ROOT, format, args));
  }
}
