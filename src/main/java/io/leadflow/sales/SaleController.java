package io.leadflow.sales;

import io.leadflow.lead.LeadView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/leads/{id}/won} {@code {amount, currency}} (both optional; an empty body too)
 * and {@code POST /api/leads/{id}/lost} {@code {reason}}: the CRM reports a deal's outcome (see
 * {@link SaleRecording}).
 */
@RestController
class SaleController {

  private final SaleRecording sales;

  SaleController(SaleRecording sales) {
    this.sales = sales;
  }

  record WonRequest(BigDecimal amount, String currency) {}

  record LostRequest(@NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/api/leads/{id}/won")
  LeadView won(@PathVariable String id, @RequestBody(required = false) WonRequest request, Principal principal) {
    DealValue value = request == null ? DealValue.UNKNOWN : new DealValue(request.amount(), request.currency());
    return LeadView.of(sales.won(id, value, principal == null ? null : principal.getName()));
  }

  @PostMapping("/api/leads/{id}/lost")
  LeadView lost(@PathVariable String id, @Valid @RequestBody LostRequest request, Principal principal) {
    return LeadView.of(sales.lost(id, request.reason().trim(), principal == null ? null : principal.getName()));
  }
}
