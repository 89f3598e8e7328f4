package io.leadflow.content;

/** The kinds of content the domain knows, by funnel stage, plus the welcome and post-sale kinds. */
public enum ContentType {
  /** The personalised first message of every journey. */
  WELCOME,
  // top of funnel: research
  WHITEPAPER,
  GUIDE,
  TIPS,
  EBOOK,
  CHECKLIST,
  VIDEO,
  // middle of funnel: solution criteria
  WEBINAR,
  SEMINAR,
  CASE_STUDY,
  DATA_SHEET,
  CATALOGUE,
  // bottom of funnel: vendor evaluation
  TRIAL,
  DEMO,
  CONSULTATION,
  OFFER,
  PACKAGE,
  COUPON,
  // keep-warm and after the sale
  NEWSLETTER,
  ONBOARDING
}
