package io.leadflow.sales;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The outcome of a lead's deal as sales or the CRM reported it: won (with its amount and currency,
 * when known) or lost (with the reason). Never changed afterwards; the campaign report sums the
 * amounts of won deals as revenue.
 */
@Entity
@Table(name = "deals")
class Deal extends NewEntity {

  enum Outcome { WON, LOST }

  @Column(nullable = false)
  private String leadId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Outcome outcome;

  private BigDecimal amount;
  private String currency;
  private String reason;

  @Column(nullable = false)
  private Instant closedAt;

  private String recordedBy;

  protected Deal() {}

  private Deal(String leadId, Outcome outcome, BigDecimal amount, String currency, String reason, Instant closedAt,
      String recordedBy) {
    this.leadId = leadId;
    this.outcome = outcome;
    this.amount = amount;
    this.currency = currency;
    this.reason = reason;
    this.closedAt = closedAt;
    this.recordedBy = recordedBy;
  }

  static Deal won(String leadId, DealValue value, Instant at, String recordedBy) {
    return new Deal(leadId, Outcome.WON, value.amount(), value.currency(), null, at, recordedBy);
  }

  static Deal lost(String leadId, String reason, Instant at, String recordedBy) {
    return new Deal(leadId, Outcome.LOST, null, null, reason, at, recordedBy);
  }

  /** The person asked to be forgotten: the reason, free text about them, goes; outcome and amount stay. */
  void forget() {
    reason = null;
  }

  String getLeadId() { return leadId; }
  Outcome getOutcome() { return outcome; }
  BigDecimal getAmount() { return amount; }
  String getCurrency() { return currency; }
  String getReason() { return reason; }
  Instant getClosedAt() { return closedAt; }
}
