package io.leadflow.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A campaign as the API shows it. */
public record CampaignView(String key, String name, String channel, LocalDate startsOn, LocalDate endsOn, List<Cost> costs) {

  public record Cost(LocalDate on, BigDecimal amount, String currency) {}

  static CampaignView of(Campaign campaign) {
    return new CampaignView(campaign.getKey(), campaign.getName(), campaign.getChannel(), campaign.getStartsOn(),
        campaign.getEndsOn(),
        campaign.getCosts().stream().map(cost -> new Cost(cost.getSpentOn(), cost.getAmount(), cost.getCurrency())).toList());
  }
}
