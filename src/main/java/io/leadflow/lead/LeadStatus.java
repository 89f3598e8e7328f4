package io.leadflow.lead;

/** Where a lead is in its life with us (names fixed by the API contract). */
public enum LeadStatus {
  NURTURING,
  MARKETING_QUALIFIED,
  SALES_QUALIFIED,
  IN_SALES,
  OPPORTUNITY,
  CUSTOMER,
  DISQUALIFIED,
  UNSUBSCRIBED;

  /** Whether the score decides this status (a lead not yet handed over to sales). */
  public boolean followsScore() {
    return this == NURTURING || this == MARKETING_QUALIFIED || this == SALES_QUALIFIED;
  }

  /** Ready for sales: marketing- or sales-qualified, not yet with a salesperson. The hand-off starts now. */
  public boolean isSalesReady() {
    return this == MARKETING_QUALIFIED || this == SALES_QUALIFIED;
  }

  /** The status a qualification decision's outcome stands for (NURTURE is nurturing). */
  public static LeadStatus fromQualification(String qualification) {
    return "NURTURE".equals(qualification) ? NURTURING : valueOf(qualification);
  }
}
