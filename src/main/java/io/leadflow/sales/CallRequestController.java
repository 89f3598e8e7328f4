package io.leadflow.sales;

import io.leadflow.api.NotFound;
import io.leadflow.lead.Leads;
import java.security.Principal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/leads/{id}/call-requests}: someone wants the lead phoned; its team gets a call task. */
@RestController
class CallRequestController {

  private final PhoneCalls calls;
  private final Leads leads;
  private final RuntimeService runtime;

  CallRequestController(PhoneCalls calls, Leads leads, RuntimeService runtime) {
    this.calls = calls;
    this.leads = leads;
    this.runtime = runtime;
  }

  record CallRequest(@NotBlank @Size(max = 500) String reason) {}

  /** The call as started: its id, the lead, the team and, when routing named one, the rep. */
  record CallView(String id, String leadId, String team, String rep) {}

  @PostMapping("/api/leads/{id}/call-requests")
  @ResponseStatus(HttpStatus.CREATED)
  CallView request(@PathVariable String id, @Valid @RequestBody CallRequest request, Principal principal) {
    if (!leads.exists(id)) {
      throw new NotFound("lead", id);
    }
    ProcessInstance call = calls.request(id, request.reason().trim(), principal.getName());
    return new CallView(call.getId(), id, (String) runtime.getVariable(call.getId(), SalesTaskVariables.TEAM),
        (String) runtime.getVariable(call.getId(), SalesTaskVariables.REP));
  }
}
