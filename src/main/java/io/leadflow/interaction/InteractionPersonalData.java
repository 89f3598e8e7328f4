package io.leadflow.interaction;

import io.leadflow.lead.PersonalDataHolder;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A lead's interactions in its personal-data document; an erasure keeps only what reports count. */
@Component
class InteractionPersonalData implements PersonalDataHolder {

  private final InteractionRepository interactions;

  InteractionPersonalData(InteractionRepository interactions) {
    this.interactions = interactions;
  }

  @Override
  public String part() {
    return "interactions";
  }

  @Override
  public List<Recorded> personalDataOf(String leadId) {
    return interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId).stream()
        .map(i -> new Recorded(i.getId(), i.getType(), i.getOccurredAt(), i.getReceivedAt(), i.getExternalId(), i.getUrl(),
            i.getContentId(), i.getCampaign(), i.getChannel(), i.getDetails(), i.getPoints()))
        .toList();
  }

  @Override
  public void erase(String leadId) {
    interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId).forEach(Interaction::forget);
  }

  /** One interaction as stored; {@code details} is the JSON the sender sent. */
  record Recorded(String id, InteractionType type, Instant occurredAt, Instant receivedAt, String externalId, String url,
      String contentId, String campaign, String channel, String details, int points) {}
}
