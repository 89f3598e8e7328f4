package io.leadflow.campaign;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a campaign cost on a day. */
@Entity
@Table(name = "campaign_costs")
class CampaignCost extends NewEntity {

  @Column(nullable = false)
  private LocalDate spentOn;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  protected CampaignCost() {}

  CampaignCost(LocalDate spentOn, BigDecimal amount, String currency) {
    this.spentOn = spentOn;
    this.amount = amount;
    this.currency = currency;
  }

  LocalDate getSpentOn() { return spentOn; }
  BigDecimal getAmount() { return amount; }
  String getCurrency() { return currency; }
}
