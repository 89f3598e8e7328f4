package io.leadflow.intake;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.leadflow.interaction.InteractionType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One interaction as a web tracker, email tracking, a webinar tool or a form sends it. The lead is
 * named by {@code leadId} or {@code email}; {@code occurredAt} defaults to now.
 */
public record InteractionRequest(
    @Size(max = 36) String leadId,
    @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed email address")
        String email,
    @NotNull InteractionType type,
    OffsetDateTime occurredAt,
    @Size(max = 200) String externalId,
    @Valid Details details) {

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
  }
}
