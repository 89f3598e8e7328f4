package io.leadflow.content;

import io.leadflow.lead.FunnelStage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A catalogue item as the API shows it. */
public record ContentItemView(
    String id,
    String title,
    FunnelStage stage,
    ContentType type,
    Channel channel,
    List<String> industries,
    List<String> roles,
    String url,
    String emailSubject,
    String emailBody,
    String language,
    int priority,
    boolean active,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static ContentItemView of(ContentItem item) {
    return new ContentItemView(
        item.getId(),
        item.getTitle(),
        item.getStage(),
        item.getType(),
        item.getChannel(),
        Keywords.split(item.getIndustries()),
        Keywords.split(item.getRoles()),
        item.getUrl(),
        item.getEmailSubject(),
        item.getEmailBody(),
        item.getLanguage(),
        item.getPriority(),
        item.isActive(),
        utc(item.getCreatedAt()),
        utc(item.getUpdatedAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
