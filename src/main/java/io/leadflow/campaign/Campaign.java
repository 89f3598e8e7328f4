package io.leadflow.campaign;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Persistable;

/**
 * A marketing campaign: what leads and interactions name in {@code campaign}, with its costs over
 * time (one entry per day and amount: the campaign report sums those in its period).
 */
@Entity
@Table(name = "campaigns")
class Campaign implements Persistable<String> {

  @Id
  @Column(name = "campaign_key")
  private String key;

  @Column(nullable = false)
  private String name;

  private String channel;
  private LocalDate startsOn;
  private LocalDate endsOn;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "campaign_key", nullable = false)
  @OrderBy("spentOn, id")
  private List<CampaignCost> costs = new ArrayList<>();

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  protected Campaign() {}

  Campaign(String key, Instant at) {
    this.key = key;
    this.createdAt = at;
  }

  /** Takes everything the request says; the costs are replaced by the request's. */
  void update(CampaignRequest request, Instant at) {
    name = request.name();
    channel = request.channel();
    startsOn = request.startsOn();
    endsOn = request.endsOn();
    costs.clear();
    request.costs().forEach(cost -> costs.add(new CampaignCost(cost.on(), cost.amount(), cost.currency())));
    updatedAt = at;
  }

  @Override
  public String getId() { return key; }

  @Override
  public boolean isNew() { return updatedAt == null; }

  String getKey() { return key; }
  String getName() { return name; }
  String getChannel() { return channel; }
  LocalDate getStartsOn() { return startsOn; }
  LocalDate getEndsOn() { return endsOn; }
  List<CampaignCost> getCosts() { return costs; }
}
