package io.leadflow.delivery;

import io.leadflow.content.Channel;
import io.leadflow.lead.PersonalDataHolder;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What was sent to a lead, in its personal-data document; an erasure keeps what was sent when (the
 * content and the status: campaign reports count them) and drops the subject, which greets the
 * person by name, and the mail server's words.
 */
@Component
class DeliveryPersonalData implements PersonalDataHolder {

  private final DeliveryRepository deliveries;

  DeliveryPersonalData(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public String part() {
    return "deliveries";
  }

  @Override
  public List<Sent> personalDataOf(String leadId) {
    return deliveries.findByLeadIdOrderByCreatedAtDescIdDesc(leadId).stream()
        .map(d -> new Sent(d.getId(), d.getContentId(), d.getChannel(), d.getStatus(), d.getSubject(), d.getCreatedAt(),
            d.getSentAt(), d.getAttempts(), d.getLastError()))
        .toList();
  }

  @Override
  public void erase(String leadId) {
    deliveries.findByLeadIdOrderByCreatedAtDescIdDesc(leadId).forEach(Delivery::forget);
  }

  record Sent(String id, String contentId, Channel channel, DeliveryStatus status, String subject, Instant createdAt,
      Instant sentAt, int attempts, String lastError) {}
}
