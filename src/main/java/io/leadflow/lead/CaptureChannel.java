package io.leadflow.lead;

/** How a lead reached us. */
public enum CaptureChannel {
  /** {@code POST /api/leads}: a landing page, webinar tool or CRM. */
  API,
  /** {@code POST /api/leads/import}: a marketer's CSV file. */
  IMPORT,
  /** The demo data of the embedded run. */
  DEMO
}
