package io.leadflow.content;

import io.leadflow.lead.FunnelStage;
import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One piece of content in the catalogue: what it is, for which stage and persona, and its email. */
@Entity
@Table(name = "content_items")
public class ContentItem {

  @Id private String id;

  @Column(nullable = false)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FunnelStage stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ContentType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  /** Lower-case industries, comma-separated; empty fits every industry. */
  private String industries;

  /** Lower-case role keywords (e.g. "cto,head,director"), comma-separated; empty fits every role. */
  private String roles;

  @Column(nullable = false)
  private String url;

  @Column(nullable = false)
  private String emailSubject;

  @Column(nullable = false)
  private String emailBody;

  @Column(nullable = false)
  private String language;

  private int priority;
  private boolean active;
  private Instant retiredAt;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected ContentItem() {}

  public ContentItem(String id, Instant at) {
    this.id = id;
    this.createdAt = at;
    this.updatedAt = at;
    this.active = true;
    this.channel = Channel.EMAIL;
    this.language = "en";
    this.priority = 100;
  }

  public String getId() { return id; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public FunnelStage getStage() { return stage; }
  public void setStage(FunnelStage stage) { this.stage = stage; }
  public ContentType getType() { return type; }
  public void setType(ContentType type) { this.type = type; }
  public Channel getChannel() { return channel; }
  public void setChannel(Channel channel) { this.channel = channel; }
  public String getIndustries() { return industries; }
  public void setIndustries(String industries) { this.industries = industries; }
  public String getRoles() { return roles; }
  public void setRoles(String roles) { this.roles = roles; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public String getEmailSubject() { return emailSubject; }
  public void setEmailSubject(String emailSubject) { this.emailSubject = emailSubject; }
  public String getEmailBody() { return emailBody; }
  public void setEmailBody(String emailBody) { this.emailBody = emailBody; }
  public String getLanguage() { return language; }
  public void setLanguage(String language) { this.language = language; }
  public int getPriority() { return priority; }
  public void setPriority(int priority) { this.priority = priority; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }
  public Instant getRetiredAt() { return retiredAt; }
  public void setRetiredAt(Instant retiredAt) { this.retiredAt = retiredAt; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
  public long getVersion() { return version; }
}
