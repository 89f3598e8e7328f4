package io.leadflow.interaction;

import java.time.Instant;
import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** Something a lead did: a page view, a download, a demo request. Stored once, never changed. */
@Entity
@Table(name = "interactions")
public class Interaction extends NewEntity {

  /** The channel of an interaction recorded from a link of an email Leadflow sent. */
  public static final String EMAIL_CHANNEL = "email";
  /** The channel of an interaction recorded from an email's preference centre. */
  public static final String PREFERENCE_CENTRE_CHANNEL = "preference-centre";

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

  /** The delivery (email) an open or click came from, who fetched it, and when that email was sent. */
  private String deliveryId;
  private String userAgent;
  private Instant sentAt;
  @Transient private Boolean hiddenLink;
  @Transient private Integer linksInEmail;

  /** Judged machine-made or a repeat by the interaction filter: recorded with 0 points, and why. */
  private boolean filtered;
  private String filterReason;

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

  /** What an open or click knew about who made it (tracking links, a sender's events). */
  public void signals(String deliveryId, String userAgent, Instant sentAt) {
    this.deliveryId = deliveryId;
    this.userAgent = userAgent == null || userAgent.length() <= 500 ? userAgent : userAgent.substring(0, 500);
    this.sentAt = sentAt;
  }

  /**
   * What a click knew about its link, for judging it when it is recorded (kept in the details, not
   * in columns of their own): whether it was the link hidden from people, and how many tracked
   * links its email has.
   */
  public void linkSignals(Boolean hiddenLink, Integer linksInEmail) {
    this.hiddenLink = hiddenLink;
    this.linksInEmail = linksInEmail;
  }

  /** Recorded, but not a person's (or a repeat): 0 points, and why. */
  public void filtered(String reason) {
    this.filtered = true;
    this.filterReason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    this.points = 0;
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
  public String getDeliveryId() { return deliveryId; }
  public String getUserAgent() { return userAgent; }
  public Instant getSentAt() { return sentAt; }
  public boolean isFiltered() { return filtered; }
  public Boolean getHiddenLink() { return hiddenLink; }
  public Integer getLinksInEmail() { return linksInEmail; }
  public String getFilterReason() { return filterReason; }
}
