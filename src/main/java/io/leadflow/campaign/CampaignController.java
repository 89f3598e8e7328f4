package io.leadflow.campaign;

import io.leadflow.api.NotFound;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/campaigns}: campaigns and their costs, as marketing records them. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  private final Campaigns campaigns;

  CampaignController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @GetMapping
  List<CampaignView> list() {
    return campaigns.all();
  }

  @GetMapping("/{key}")
  CampaignView campaign(@PathVariable String key) {
    return campaigns.find(key).orElseThrow(() -> new NotFound("campaign", key));
  }

  @PostMapping
  ResponseEntity<CampaignView> add(@Valid @RequestBody CampaignRequest request) {
    CampaignView view = campaigns.add(request);
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{key}").build(view.key());
    return ResponseEntity.created(location).body(view);
  }

  /** A full replace: the costs sent are the campaign's costs from now on. */
  @PutMapping("/{key}")
  CampaignView replace(@PathVariable String key, @Valid @RequestBody CampaignRequest request) {
    return campaigns.replace(key, request);
  }
}
