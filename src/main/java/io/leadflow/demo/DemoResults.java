package io.leadflow.demo;

import io.leadflow.campaign.CampaignRequest;
import io.leadflow.campaign.Campaigns;
import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadProfile;
import io.leadflow.lead.Leads;
import io.leadflow.sales.DealValue;
import io.leadflow.sales.SaleRecording;
import io.leadflow.sales.SalesHandoffProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Results to look at on first start: three campaigns with weekly costs, and a dozen leads whose
 * last eight weeks are played through the real lifecycle, hand-off routing and a rep's claim (the
 * engine's clock moved back to each moment): qualified, handed over, some sent back and qualified
 * again, opportunities, deals won with their amounts and lost with their reasons. Each demo
 * hand-off is removed once its rep claimed it, so no demo follow-up waits in Tasklist and no lead
 * is left ready for sales without one. Only once (when there is no campaign yet), before the job
 * executor starts.
 */
@Component
@ConditionalOnProperty(name = "leadflow.demo.enabled", havingValue = "true")
class DemoResults {

  private static final String WEBINAR = "webinar-2026-q4";
  private static final String LINKEDIN = "linkedin-ads-nov";
  private static final String WHITEPAPER = "whitepaper-lead-scoring";

  private final Campaigns campaigns;
  private final LeadCapture capture;
  private final LeadLifecycle lifecycle;
  private final Leads leads;
  private final SaleRecording sales;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoResults(Campaigns campaigns, LeadCapture capture, LeadLifecycle lifecycle, Leads leads, SaleRecording sales,
      RuntimeService runtime, ManagementService management, TaskService tasks, IdentityService identity,
      PlatformTransactionManager transactions, Clock clock) {
    this.campaigns = campaigns;
    this.capture = capture;
    this.lifecycle = lifecycle;
    this.leads = leads;
    this.sales = sales;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(4)
  void playOnce() {
    if (!campaigns.all().isEmpty()) {
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    campaigns.save(campaign(WEBINAR, "Q4 webinar: lead scoring in practice", "webinar", today, 8, "1200.00"));
    campaigns.save(campaign(LINKEDIN, "LinkedIn ads, November", "paid social", today, 8, "800.00"));
    campaigns.save(campaign(WHITEPAPER, "Whitepaper: lead scoring", "content", today, 8, "150.00"));
    try {
      Instant start = now.minus(Duration.ofDays(56));
      play(start, "nina", WEBINAR, "DE", 0, "A1", 30, 40, "WON:24000.00");
      play(start, "omar", WEBINAR, "FR", 3, "A2", 20, 90, "WON:18000.00");
      play(start, "pia", WEBINAR, "GB", 7, "B1", 45, 30, "LOST:chose a competitor");
      play(start, "quinn", LINKEDIN, "US", 5, "B2", 60, 240, "OPPORTUNITY");
      play(start, "rosa", LINKEDIN, "US", 10, "A1", 25, 180, "WON:9500.00");
      play(start, "sven", LINKEDIN, "SE", 14, "C1", 80, 600, "NOT_READY");
      play(start, "tara", WHITEPAPER, "IT", 12, "B1", 40, 120, "LOST:no budget this year");
      play(start, "umar", WHITEPAPER, "IN", 20, "C2", 90, 45, "NOT_READY");
      play(start, "vera", WEBINAR, "AT", 25, "A2", 35, 15, "WON:31000.00");
      play(start, "will", LINKEDIN, "CA", 30, null, 0, 0, null);
      play(start, "xena", WHITEPAPER, "NL", 35, null, 0, 0, null);
      play(start, "yuki", WEBINAR, "JP", 40, "B2", 50, 20, "OPPORTUNITY");
    } finally {
      ClockUtil.reset();
      identity.clearAuthentication();
    }
  }

  /**
   * One lead's weeks: captured {@code day} days after {@code start}; qualified (rating) days later;
   * routed; claimed by a rep {@code claimAfterMinutes} later; after {@code daysInSales} ... the outcome.
   */
  private void play(Instant start, String name, String campaign, String country, int day, String rating, int hoursToQualify,
      int claimAfterMinutes, String outcome) {
    Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
    String id = at(at, () -> capture.capture(new LeadProfile(name + "@demo-results.example", capitalised(name), "Demo", null, null,
        null, null, country, null, campaign, new LeadProfile.Consent(true, null, "demo data"), null), CaptureChannel.DEMO, "demo")
        .lead().getId());
    if (rating == null) {
      return;
    }
    at = at.plus(Duration.ofHours(24L * 3 + hoursToQualify));
    at(at, () -> inTransaction(() -> lifecycle.qualified(leads.lock(id).orElseThrow(), rating, "MARKETING_QUALIFIED",
        FunnelStage.MOFU, "DEMO")));
    at = at.plus(Duration.ofMinutes(5));
    routeAndClaim(id, at, at.plus(Duration.ofMinutes(claimAfterMinutes)));
    at = at.plus(Duration.ofDays(2));
    if (outcome.equals("NOT_READY")) {
      at(at, () -> inTransaction(() -> lifecycle.returnedToNurturing(id, null)));
      return;
    }
    at(at, () -> inTransaction(() -> lifecycle.becameOpportunity(id)));
    at = at.plus(Duration.ofDays(5));
    if (outcome.startsWith("WON:")) {
      at(at, () -> sales.won(id, new DealValue(new BigDecimal(outcome.substring(4)), "EUR"), "demo"));
    } else if (outcome.startsWith("LOST:")) {
      at(at, () -> sales.lost(id, outcome.substring(5), "demo"));
    }
  }

  /** The hand-off's routing job runs, a rep of the team claims the follow-up, and the demo hand-off is removed. */
  private void routeAndClaim(String leadId, Instant routedAt, Instant claimedAt) {
    ProcessInstance handoff = runtime.createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(leadId).active().singleResult();
    if (handoff == null) {
      inTransaction(() -> lifecycle.handedToSales(leadId));
      return;
    }
    Job route = management.createJobQuery().processInstanceId(handoff.getId())
        .activityId(SalesHandoffProcess.Elements.ROUTE_TO_SALES).singleResult();
    at(routedAt, () -> management.executeJob(route.getId()));
    Task followUp = tasks.createTaskQuery().processInstanceId(handoff.getId()).singleResult();
    if (followUp != null) {
      String rep = followUp.getAssignee() != null ? followUp.getAssignee() : firstRepOf(followUp.getId());
      if (rep != null) {
        at(claimedAt, () -> {
          tasks.setAssignee(followUp.getId(), null);
          identity.setAuthentication(rep, identity.createGroupQuery().groupMember(rep).list().stream().map(g -> g.getId()).toList());
          try {
            tasks.claim(followUp.getId(), rep);
          } finally {
            identity.clearAuthentication();
          }
        });
      }
    }
    runtime.deleteProcessInstance(handoff.getId(), "demo history: the hand-off was played through", true, true);
  }

  private String firstRepOf(String taskId) {
    List<String> groups = new ArrayList<>();
    tasks.getIdentityLinksForTask(taskId).stream().filter(link -> link.getGroupId() != null).forEach(link -> groups.add(link.getGroupId()));
    return groups.stream().flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
        .map(user -> user.getId()).findFirst().orElse(null);
  }

  private static CampaignRequest campaign(String key, String name, String channel, LocalDate today, int weeks, String weekly) {
    List<CampaignRequest.Cost> costs = new ArrayList<>();
    for (int week = weeks; week >= 1; week--) {
      costs.add(new CampaignRequest.Cost(today.minusWeeks(week), new BigDecimal(weekly), "EUR"));
    }
    return new CampaignRequest(key, name, channel, today.minusWeeks(weeks), today.plusWeeks(4), costs);
  }

  private <T> T at(Instant at, java.util.function.Supplier<T> step) {
    ClockUtil.setCurrentTime(Date.from(at));
    return step.get();
  }

  private void at(Instant at, Runnable step) {
    ClockUtil.setCurrentTime(Date.from(at));
    step.run();
  }

  private void inTransaction(Runnable step) {
    transaction.executeWithoutResult(status -> step.run());
  }

  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
