package io.leadflow.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.api.FieldProblem;
import io.leadflow.intake.InteractionIntake.Answer;
import io.leadflow.intake.InteractionIntake.Received;
import io.leadflow.intake.InteractionIntake.Refused;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.Leads;
import io.leadflow.scoring.DailyActions;
import io.leadflow.scoring.LeadScoring;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Records checked interactions, in order, in the caller's transaction: each one is stored and
 * scored, answered as a duplicate when its external id was stored before (earlier in the same
 * call included), or refused when its lead is unknown or the email is not the lead's.
 *
 * <p>What the interactions need from the database before anything is stored is read once for
 * all of them, not once each: their leads, locked in one query and in id order
 * ({@link LockedLeads}), the interactions stored with their external ids, and their leads' days
 * ({@link DailyActions}). Nothing in between makes Hibernate flush, so the inserts and updates of
 * all of them go out together at commit, in JDBC batches.
 */
@Component
class InteractionRecorder {

  private final Leads leads;
  private final LeadLifecycle lifecycle;
  private final InteractionRepository interactions;
  private final LeadScoring scoring;
  private final ObjectMapper json;
  private final BounceSettings bounces;
  private final Clock clock;

  InteractionRecorder(Leads leads, LeadLifecycle lifecycle, InteractionRepository interactions, LeadScoring scoring,
      ObjectMapper json, BounceSettings bounces, Clock clock) {
    this.bounces = bounces;
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.interactions = interactions;
    this.scoring = scoring;
    this.json = json;
    this.clock = clock;
  }

  /** One answer per request, in order. The caller's transaction must be open and commits it all. */
  List<Answer> record(List<InteractionRequest> requests) {
    LockedLeads named = LockedLeads.lock(leads, requests);
    Map<String, Interaction> storedByExternalId = storedByExternalId(requests);
    DailyActions days = scoring.dailyActions(named.ids());
    List<Answer> answers = new ArrayList<>(requests.size());
    for (InteractionRequest request : requests) {
      answers.add(record(request, named, storedByExternalId, days));
    }
    return answers;
  }

  private Answer record(InteractionRequest request, LockedLeads named, Map<String, Interaction> storedByExternalId,
      DailyActions days) {
    Lead lead = named.named(request).orElse(null);
    if (lead == null) {
      return new Refused(HttpStatus.NOT_FOUND, "The interaction names no known lead",
          List.of(new FieldProblem(request.namesLeadById() ? "leadId" : "email", "is not a known lead")));
    }
    if (request.namesLeadById() && request.hasEmail() && !lead.getEmail().equals(request.normalisedEmail())) {
      return Refused.invalid(List.of(new FieldProblem("email", "is not the email of lead " + lead.getId())));
    }
    if (request.externalId() != null && storedByExternalId.containsKey(request.externalId())) {
      return Received.duplicateOf(storedByExternalId.get(request.externalId()));
    }
    Instant now = clock.instant();
    InteractionRequest.Details details = request.details();
    Interaction interaction = new Interaction(
        lead.getId(),
        request.type(),
        request.occurredAt() == null ? now : request.occurredAt().toInstant(),
        now,
        request.externalId(),
        details == null ? null : details.getUrl(),
        details == null ? null : details.getContentId(),
        details == null ? null : details.getCampaign(),
        details == null ? null : details.getChannel(),
        details == null || details.getMore().isEmpty() ? null : details.moreAsJson(json));
    if (details != null) {
      interaction.signals(text(details.getMore().get("deliveryId")), text(details.getMore().get("userAgent")),
          instant(details.getMore().get("sentAt")));
      interaction.linkSignals(bool(details.getMore().get("hiddenLink")), count(details.getMore().get("linksInEmail")));
    }
    scoring.recordInteraction(lead, interaction, days);
    lifecycle.touched(lead, interaction.getCampaign(), interaction.getOccurredAt());
    if (request.externalId() != null) {
      storedByExternalId.put(request.externalId(), interaction);
    }
    emailSignals(request, lead, interaction);
    return Received.of(interaction, false);
  }

  private Map<String, Interaction> storedByExternalId(List<InteractionRequest> requests) {
    Set<String> externalIds = requests.stream().map(InteractionRequest::externalId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, Interaction> stored = new HashMap<>();
    if (!externalIds.isEmpty()) {
      interactions.findByExternalIdIn(externalIds).forEach(first -> stored.put(first.getExternalId(), first));
    }
    return stored;
  }

  /**
   * What a bounce or complaint says about the address: a permanent bounce or a complaint puts it
   * on the suppression list (the journey ends); a transient one only counts, until enough in a row
   * count as permanent ({@link BounceSettings}); an email the person opened or clicked reached it.
   */
  private void emailSignals(InteractionRequest request, Lead lead, Interaction interaction) {
    switch (request.type()) {
      case EMAIL_BOUNCE -> {
        Object bounceType = bounceType(request);
        String source = "EMAIL_BOUNCE " + bounceType;
        switch (bounces.classify(bounceType)) {
          case PERMANENT -> lifecycle.emailBounced(lead, source);
          case TRANSIENT -> lifecycle.emailBouncedTransiently(lead, bounces.transientInARow(), source);
          case UNKNOWN -> { }
        }
      }
      case EMAIL_COMPLAINT -> lifecycle.emailComplained(lead, "EMAIL_COMPLAINT"
          + (request.details() == null || request.details().getMore().get("feedbackType") == null
              ? "" : " " + request.details().getMore().get("feedbackType")));
      case EMAIL_OPEN, EMAIL_CLICK -> {
        if (!interaction.isFiltered()) {
          lifecycle.emailReached(lead);
        }
      }
      default -> { }
    }
  }

  /** {@code details.hiddenLink}: true or "true"; anything else is not known. */
  private static Boolean bool(Object value) {
    return value == null ? null : Boolean.valueOf(value.toString().trim());
  }

  /** {@code details.linksInEmail}: a positive whole number; anything else is not known. */
  private static Integer count(Object value) {
    if (value == null) {
      return null;
    }
    try {
      int count = Integer.parseInt(value.toString().trim());
      return count > 0 ? count : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** {@code details.sentAt}: ISO-8601 with offset; anything else is not known. */
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value.toString()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** {@code details.bounceType}, else {@code details.status} (a DSN status such as {@code 5.1.1}). */
  private static Object bounceType(InteractionRequest request) {
    if (request.details() == null) {
      return null;
    }
    Object type = request.details().getMore().get("bounceType");
    return type != null ? type : request.details().getMore().get("status");
  }
}
