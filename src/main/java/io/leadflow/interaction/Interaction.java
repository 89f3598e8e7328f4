package io.leadflow.interaction;

import java.time.Instant;
import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** Something a lead did: a page view, a download, a demo request. Stored once, never changed. */
@Entity
@Table(name = "interactions")
public class Interaction extends NewEntity {

  @Column(nullable = false)
  private String leadId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InteractionType type;

  @Column(nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private Instant receivedAt;

  private String externalId;
  private String url;
  private String contentId;
  private String campaign;
  private String channel;

  /** Further keys the sender gave, as JSON. */
  private String details;

  /** The points it added when it was scored, as answered to its sender. */
  private int points;

  protected Interaction() {}

  public Interaction(String leadId, InteractionType type, Instant occurredAt, Instant receivedAt, String externalId,
      String url, String contentId, String campaign, String channel, String details) {
    this.leadId = leadId;
    this.type = type;
    this.occurredAt = occurredAt;
    this.receivedAt = receivedAt;
    this.externalId = externalId;
    this.url = url;
    this.contentId = contentId;
    this.campaign = campaign;
    this.channel = channel;
    this.details = details;
  }

  public void scored(int points) {
    this.points = points;
  }

  /**
   * The person asked to be forgotten: what could say who they are or what they wrote goes (the
   * URL with its parameters, the free details, the sender's id); type, time, content, campaign,
   * channel and points stay for the reports.
   */
  void forget() {
    url = null;
    details = null;
    externalId = null;
  }

  public String getLeadId() { return leadId; }
  public InteractionType getType() { return type; }
  public Instant getOccurredAt() { return occurredAt; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getExternalId() { return externalId; }
  public String getUrl() { return url; }
  public String getContentId() { return contentId; }
  public String getCampaign() { return campaign; }
  public String getChannel() { return channel; }
  public String getDetails() { return details; }
  public int getPoints() { return points; }
}
