package io.leadflow.intake;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.leadflow.api.Timestamp;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.EmailAddress;
import io.leadflow.lead.ValidEmail;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One interaction as a web tracker, email tracking, a webinar tool or a form sends it. The lead is
 * named by {@code leadId} or {@code email}; {@code occurredAt} (ISO-8601 with offset, or epoch
 * milliseconds: {@link Timestamp}) defaults to now.
 */
public record InteractionRequest(
    @Size(max = 36) String leadId,
    @Size(max = 254) @ValidEmail(forSending = false) String email,
    @NotNull InteractionType type,
    @JsonDeserialize(using = Timestamp.Deserializer.class) OffsetDateTime occurredAt,
    @Size(max = 200) String externalId,
    @Valid Details details) {

  /** Whether the lead is named by its id; if an email is given too, it must be that lead's. */
  boolean namesLeadById() {
    return leadId != null && !leadId.isBlank();
  }

  /** Whether an email is given (naming the lead, or checked against the lead named by id). */
  boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  /** The lead id without surrounding space. */
  String trimmedLeadId() {
    return leadId.trim();
  }

  /** The email as leads' emails are stored: its canonical form ({@link EmailAddress}). */
  String normalisedEmail() {
    return EmailAddress.canonical(email);
  }

  /** Where it happened and what it was about; any further keys are kept as they came. */
  public static class Details {

    @Size(max = 2000) private String url;
    @Size(max = 100) private String contentId;
    @Size(max = 100) private String campaign;
    @Size(max = 50) private String channel;
    private final Map<String, Object> more = new LinkedHashMap<>();

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getContentId() { return contentId; }
    public void setContentId(String contentId) { this.contentId = contentId; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }

    @JsonAnySetter
    public void put(String key, Object value) {
      more.put(key, value);
    }

    @JsonAnyGetter
    public Map<String, Object> getMore() {
      return more;
    }

    /** The further keys as JSON, as they are checked and stored. */
    String moreAsJson(ObjectMapper json) {
      try {
        return json.writeValueAsString(more);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }
}
