package io.leadflow.journey;

/**
 * Why a lead left "Nurture until ready": the value (its {@link #name()}, a String) of {@link
 * LeadNurturingProcess.Variables#LEFT_NURTURING_BECAUSE} that goes with the message {@link
 * LeadNurturingProcess.Messages#LEAD_LEFT_NURTURING}. "Why did it leave?" has one flow per value
 * and no default: a correlation without a reason, or with a name not listed here, fails.
 */
public enum NurturingExit {

  /**
   * The lead became ready for sales (marketing- or sales-qualified): the journey stops sending and
   * waits at "Sales has the lead" for sales' verdict (won, disqualified, or back to nurturing).
   */
  READY_FOR_SALES,

  /** The lead unsubscribed: the journey ends at "Unsubscribed: nothing more is sent". */
  UNSUBSCRIBED,

  /**
   * The lead's address went on the suppression list (bounced for good, or a spam complaint): the
   * journey ends at "Email undeliverable".
   */
  EMAIL_SUPPRESSED,

  /** The lead was disqualified while being nurtured: the journey ends at "Disqualified". */
  DISQUALIFIED
}
