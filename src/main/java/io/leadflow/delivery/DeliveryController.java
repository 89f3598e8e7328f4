package io.leadflow.delivery;

import io.leadflow.api.NotFound;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.lead.Leads;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/leads/{id}/deliveries}: what was sent to the lead, when, on which channel; newest first. */
@RestController
class DeliveryController {

  private final Leads leads;
  private final DeliveryRepository deliveries;
  private final ContentItemRepository contents;

  DeliveryController(Leads leads, DeliveryRepository deliveries, ContentItemRepository contents) {
    this.leads = leads;
    this.deliveries = deliveries;
    this.contents = contents;
  }

  @GetMapping("/api/leads/{id}/deliveries")
  @Transactional(readOnly = true)
  List<DeliveryView> deliveries(@PathVariable String id) {
    if (!leads.exists(id)) {
      throw new NotFound("lead", id);
    }
    List<Delivery> ofLead = deliveries.findByLeadIdOrderByCreatedAtDescIdDesc(id);
    Map<String, ContentItem> content = contents.findAllById(ofLead.stream().map(Delivery::getContentId).distinct().toList())
        .stream().collect(Collectors.toMap(ContentItem::getId, Function.identity()));
    return ofLead.stream()
        .map(d -> new DeliveryView(d.getId(), d.getContentId(),
            content.containsKey(d.getContentId()) ? content.get(d.getContentId()).getTitle() : null,
            d.getChannel(), d.getStatus(), d.getSubject(), utc(d.getCreatedAt()), utc(d.getSentAt()), d.getMessageId(),
            d.getAttempts(), d.getLastError()))
        .toList();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
