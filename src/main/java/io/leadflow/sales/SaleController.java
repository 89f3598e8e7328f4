package io.leadflow.sales;

import io.leadflow.lead.LeadView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/leads/{id}/won}: the CRM reports the sale (see {@link SaleRecording}). */
@RestController
class SaleController {

  private final SaleRecording sales;

  SaleController(SaleRecording sales) {
    this.sales = sales;
  }

  @PostMapping("/api/leads/{id}/won")
  LeadView won(@PathVariable String id) {
    return LeadView.of(sales.won(id));
  }
}
