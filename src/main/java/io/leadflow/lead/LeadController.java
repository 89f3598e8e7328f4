package io.leadflow.lead;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import jakarta.validation.Valid;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/leads}: capture, read and list leads (imports: io.leadflow.imports). */
@RestController
@RequestMapping("/api/leads")
class LeadController {

  private final LeadCapture capture;
  private final LeadRepository leads;
  private final LeadLifecycle lifecycle;

  LeadController(LeadCapture capture, LeadRepository leads, LeadLifecycle lifecycle) {
    this.capture = capture;
    this.leads = leads;
    this.lifecycle = lifecycle;
  }

  /** 201 with Location for a new email, 200 with the same lead for a known one. */
  @PostMapping
  ResponseEntity<LeadView> capture(@Valid @RequestBody LeadProfile profile, Principal principal) {
    LeadCapture.Captured captured = capture.capture(profile, CaptureChannel.API, principal.getName());
    LeadView view = LeadView.of(captured.lead());
    if (!captured.created()) {
      return ResponseEntity.ok(view);
    }
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(view.id());
    return ResponseEntity.created(location).body(view);
  }

  @GetMapping("/{id}")
  LeadView lead(@PathVariable String id) {
    return leads.findById(id).filter(lead -> !lead.isErased()).map(LeadView::of).orElseThrow(() -> new NotFound("lead", id));
  }

  /** The lead's status and stage transitions, oldest first (API.md). */
  @GetMapping("/{id}/history")
  List<LeadTransitionView> history(@PathVariable String id) {
    if (leads.findById(id).filter(lead -> !lead.isErased()).isEmpty()) {
      throw new NotFound("lead", id);
    }
    return lifecycle.history(id);
  }

  @GetMapping
  PagedModel<LeadView> list(@Valid LeadFilter filter) {
    if (filter.scoreRangeIsEmpty()) {
      throw new InvalidRequest(
          "1 field is invalid", List.of(new FieldProblem("minScore", "must not be greater than maxScore")));
    }
    return new PagedModel<>(leads.findAll(filter.specification(), filter.pageRequest()).map(LeadView::of));
  }
}
