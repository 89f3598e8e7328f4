package io.leadflow.delivery;

import io.leadflow.NewEntity;
import io.leadflow.content.Channel;
import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One piece of content sent to one lead, once per delivery key: recorded as PENDING before the
 * email goes out, then SENT or FAILED. Its id is in every tracking link of the email.
 */
@Entity
@Table(name = "deliveries")
public class Delivery extends NewEntity {

  static final int MAX_SUBJECT = 500;
  static final int MAX_ERROR = 1000;

  @Column(nullable = false)
  private String leadId;

  @Column(nullable = false)
  private String contentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(nullable = false)
  private String deliveryKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryStatus status;

  private String subject;
  private String messageId;
  private int attempts;
  private String lastError;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant sentAt;

  protected Delivery() {}

  Delivery(String leadId, String contentId, Channel channel, String deliveryKey, Instant at) {
    this.leadId = leadId;
    this.contentId = contentId;
    this.channel = channel;
    this.deliveryKey = deliveryKey;
    this.status = DeliveryStatus.PENDING;
    this.createdAt = at;
  }

  /** Tried again after a failure: pending until the mail server answers. */
  void retrying() {
    if (status == DeliveryStatus.FAILED) {
      status = DeliveryStatus.PENDING;
    }
  }

  void sent(String subject, String messageId, Instant at) {
    this.status = DeliveryStatus.SENT;
    this.subject = cut(subject, MAX_SUBJECT);
    this.messageId = messageId;
    this.sentAt = at;
    this.attempts++;
  }

  void failed(String subject, String error) {
    this.status = DeliveryStatus.FAILED;
    if (subject != null) {
      this.subject = cut(subject, MAX_SUBJECT);
    }
    this.lastError = cut(error, MAX_ERROR);
    this.attempts++;
  }

  /** Handed over, no answer: it may have been delivered. Counts as an attempt; never retried by itself. */
  void outcomeUnknown(String subject, String messageId, String error) {
    this.status = DeliveryStatus.UNKNOWN;
    if (subject != null) {
      this.subject = cut(subject, MAX_SUBJECT);
    }
    this.messageId = messageId;
    this.lastError = cut(error, MAX_ERROR);
    this.attempts++;
  }

  /** The person asked to be forgotten: the subject (it greets them by name) and the server's words go. */
  void forget() {
    this.subject = null;
    this.messageId = null;
    this.lastError = null;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public String getLeadId() { return leadId; }
  public String getContentId() { return contentId; }
  public Channel getChannel() { return channel; }
  public String getDeliveryKey() { return deliveryKey; }
  public DeliveryStatus getStatus() { return status; }
  public String getSubject() { return subject; }
  public String getMessageId() { return messageId; }
  public int getAttempts() { return attempts; }
  public String getLastError() { return lastError; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
}
