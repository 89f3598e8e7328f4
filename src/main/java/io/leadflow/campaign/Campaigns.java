package io.leadflow.campaign;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marketing's campaigns and their costs (the door of the feature). */
@Service
public class Campaigns {

  private final CampaignRepository campaigns;
  private final Clock clock;

  Campaigns(CampaignRepository campaigns, Clock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<CampaignView> all() {
    return campaigns.findAllByOrderByKeyAsc().stream().map(CampaignView::of).toList();
  }

  @Transactional(readOnly = true)
  public Optional<CampaignView> find(String key) {
    return campaigns.findById(key).map(CampaignView::of);
  }

  /** @throws InvalidRequest 409 when a campaign has that key already */
  @Transactional
  public CampaignView add(CampaignRequest request) {
    if (request.key() == null) {
      throw new InvalidRequest("1 field is invalid", List.of(new FieldProblem("key", "must not be blank")));
    }
    if (campaigns.existsById(request.key())) {
      throw new InvalidRequest(HttpStatus.CONFLICT, "A campaign with key " + request.key() + " exists: PUT /api/campaigns/"
          + request.key() + " changes it", List.of());
    }
    Campaign campaign = new Campaign(request.key(), clock.instant());
    campaign.update(request, clock.instant());
    return CampaignView.of(campaigns.save(campaign));
  }

  /** A full replace of the campaign, its costs included. */
  @Transactional
  public CampaignView replace(String key, CampaignRequest request) {
    if (request.key() != null && !request.key().equals(key)) {
      throw new InvalidRequest("1 field is invalid", List.of(new FieldProblem("key", "must be the key in the path (" + key + ") or left out")));
    }
    Campaign campaign = campaigns.findById(key).orElseThrow(() -> new NotFound("campaign", key));
    campaign.update(request, clock.instant());
    return CampaignView.of(campaign);
  }

  /** Creates or replaces it (demo data, imports). */
  @Transactional
  public CampaignView save(CampaignRequest request) {
    return campaigns.existsById(request.key()) ? replace(request.key(), request) : add(request);
  }
}
