package io.leadflow.demo;

import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadProfile;
import io.leadflow.lead.Leads;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A handful of leads, captured like any other, so Tasklist and Cockpit show something at once. */
@Component
@ConditionalOnProperty(name = "leadflow.demo.enabled", havingValue = "true")
class DemoLeads {

  private static final OffsetDateTime CONSENT = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.UTC);

  static final List<LeadProfile> LEADS = List.of(
      lead("ada.lovelace@analytical-engines.example", "Ada", "Lovelace", "Analytical Engines Ltd", 250,
          "Manufacturing", "Head of Operations", "GB", "webinar-2026-q4"),
      lead("grace.hopper@compiler-corp.example", "Grace", "Hopper", "Compiler Corp", 1200,
          "Software", "CTO", "US", "linkedin-ads-nov"),
      lead("hedy.lamarr@spread-spectrum.example", "Hedy", "Lamarr", "Spread Spectrum GmbH", 45,
          "Telecommunications", "Founder", "AT", "whitepaper-lead-scoring"),
      lead("alan.turing@bletchley-analytics.example", "Alan", "Turing", "Bletchley Analytics", 15,
          "Financial Services", "Data Analyst", "GB", "whitepaper-lead-scoring"),
      lead("katherine.johnson@orbital-logistics.example", "Katherine", "Johnson", "Orbital Logistics Inc", 5000,
          "Logistics", "VP Procurement", "US", "trade-show-2026"));

  private final LeadCapture capture;
  private final Leads leads;

  DemoLeads(LeadCapture capture, Leads leads) {
    this.capture = capture;
    this.leads = leads;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(3)
  void captureOnce() {
    if (leads.count() > 0) {
      return;
    }
    LEADS.forEach(lead -> capture.capture(lead, CaptureChannel.DEMO, "demo"));
  }

  private static LeadProfile lead(String email, String firstName, String lastName, String company, int size,
      String industry, String jobTitle, String country, String campaign) {
    return new LeadProfile(email, firstName, lastName, company, size, industry, jobTitle, country, null, campaign,
        new LeadProfile.Consent(true, CONSENT, "demo data"), null);
  }
}
