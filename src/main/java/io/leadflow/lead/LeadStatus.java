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
  UNSUBSCRIBED
}
