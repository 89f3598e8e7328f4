package io.leadflow.delivery;

import io.leadflow.content.Channel;
import java.time.OffsetDateTime;

/** A delivery as {@code GET /api/leads/{id}/deliveries} shows it. */
public record DeliveryView(
    String id,
    String contentId,
    String title,
    Channel channel,
    DeliveryStatus status,
    String subject,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    String messageId,
    int attempts,
    String lastError) {}
