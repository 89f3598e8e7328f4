package io.leadflow.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A lead as the API shows it. {@code emailable} false with {@code notEmailableReason} when no email
 * may go to it (the lead is still scored and still reaches sales).
 */
public record LeadView(
    String id,
    String email,
    String firstName,
    String lastName,
    String company,
    Integer companySize,
    String industry,
    String jobTitle,
    String country,
    String phone,
    String campaign,
    Consent consent,
    Social social,
    LeadStatus status,
    FunnelStage stage,
    int score,
    String rating,
    String qualification,
    boolean emailable,
    String notEmailableReason,
    Preferences preferences,
    OptIn optIn,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public record Consent(Boolean given, OffsetDateTime at, String source) {}

  public record Social(String linkedin, String twitter) {}

  /** What it chose in the preference centre: the email topics it keeps and how often it wants email. */
  /** Double opt-in, when the lead had to confirm: when asked, when confirmed, or when it expired unconfirmed. */
  public record OptIn(OffsetDateTime requestedAt, OffsetDateTime confirmedAt, OffsetDateTime expiredAt) {}

  public record Preferences(java.util.List<EmailTopic> topics, EmailFrequency frequency) {}

  public static LeadView of(Lead lead) {
    return new LeadView(
        lead.getId(),
        lead.getEmail(),
        lead.getFirstName(),
        lead.getLastName(),
        lead.getCompany(),
        lead.getCompanySize(),
        lead.getIndustry(),
        lead.getJobTitle(),
        lead.getCountry(),
        lead.getPhone(),
        lead.getCampaign(),
        lead.getConsentGiven() == null
            ? null
            : new Consent(lead.getConsentGiven(), utc(lead.getConsentAt()), lead.getConsentSource()),
        lead.getLinkedin() == null && lead.getTwitter() == null
            ? null
            : new Social(lead.getLinkedin(), lead.getTwitter()),
        lead.getStatus(),
        lead.getStage(),
        lead.getScore(),
        lead.getRating(),
        lead.getQualification(),
        lead.notEmailableReason() == null,
        lead.notEmailableReason(),
        new Preferences(lead.keptTopics(), lead.emailFrequency()),
        lead.isOptInRequired()
            ? new OptIn(utc(lead.getOptInRequestedAt()), utc(lead.getOptInConfirmedAt()), utc(lead.getOptInExpiredAt()))
            : null,
        utc(lead.getCreatedAt()),
        utc(lead.getUpdatedAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
