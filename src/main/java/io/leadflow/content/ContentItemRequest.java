package io.leadflow.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.leadflow.lead.FunnelStage;
import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A catalogue item as marketing writes it (the body of {@code POST /api/content} and {@code PUT
 * /api/content/{id}}). Normalised as it is made, before it is validated: text trimmed, blank as
 * absent, industries and roles in lower case without repeats; what is left out takes its default
 * (channel EMAIL, language en, priority 100, active). The read-only {@code createdAt} and
 * {@code updatedAt} of an item read from the API are ignored, so an item can be sent back as read.
 */
@JsonIgnoreProperties({"createdAt", "updatedAt"})
public record ContentItemRequest(
    @NotBlank(groups = New.class)
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{2,99}",
            message = "must be 3 to 100 characters a-z, 0-9 and -, starting with a letter or digit")
        String id,
    @NotBlank @Size(max = 200) String title,
    @NotNull FunnelStage stage,
    @NotNull ContentType type,
    Channel channel,
    @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = Keywords.PATTERN, message = KEYWORD) String> industries,
    @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = Keywords.PATTERN, message = KEYWORD) String> roles,
    @NotBlank @Size(max = 2000) @HttpUrl String url,
    @NotBlank @Size(max = 200) @EmailTemplate String emailSubject,
    @NotBlank @Size(max = 4000) @EmailTemplate String emailBody,
    @Size(min = 2, max = 10)
        @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", message = "must be a language tag, such as en or de-CH")
        String language,
    @Min(0) @Max(10_000) Integer priority,
    Boolean active) {

  static final String KEYWORD = "must be a word or words of letters and digits (joined by spaces or & . / + -), without commas";

  /** The validation group of what only a new item needs: its id (an update takes it from the path). */
  public interface New {}

  public ContentItemRequest {
    id = clean(id);
    title = clean(title);
    channel = channel == null ? Channel.EMAIL : channel;
    industries = keywords(industries);
    roles = keywords(roles);
    url = clean(url);
    emailSubject = clean(emailSubject);
    emailBody = clean(emailBody);
    language = clean(language) == null ? "en" : clean(language);
    priority = priority == null ? 100 : priority;
    active = active == null ? Boolean.TRUE : active;
  }

  /** Everything but the id and the times onto the item. */
  void applyTo(ContentItem item) {
    item.setTitle(title);
    item.setStage(stage);
    item.setType(type);
    item.setChannel(channel);
    item.setIndustries(Keywords.join(industries));
    item.setRoles(Keywords.join(roles));
    item.setUrl(url);
    item.setEmailSubject(emailSubject);
    item.setEmailBody(emailBody);
    item.setLanguage(language);
    item.setPriority(priority);
    item.setActive(active);
  }

  private static List<String> keywords(List<String> keywords) {
    return keywords == null ? List.of() : keywords.stream().map(Keywords::normalise).distinct().toList();
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
