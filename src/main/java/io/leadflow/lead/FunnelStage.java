package io.leadflow.lead;

/** The nurturing stage a lead receives content for (names fixed by the API contract). */
public enum FunnelStage {
  /** Top of funnel: research. */
  TOFU,
  /** Middle of funnel: solution criteria. */
  MOFU,
  /** Bottom of funnel: vendor evaluation. */
  BOFU,
  /** Content used up or gone cold: occasional content so the lead is not lost. */
  KEEP_WARM,
  /** After the sale. */
  LOYALTY
}
