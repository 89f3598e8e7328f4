package io.leadflow.content;

import io.leadflow.lead.EmailTopic;

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
  ONBOARDING,
  /** The double opt-in's confirmation request (and its one reminder): never chosen as content. */
  OPT_IN;

  /**
   * The preference-centre topic this kind of content belongs to: a lead that declined it receives
   * none of it. The welcome belongs to none (always sent).
   */
  public EmailTopic topic() {
    return switch (this) {
      case WELCOME, OPT_IN -> null;
      case WEBINAR, SEMINAR -> EmailTopic.EVENTS;
      case DATA_SHEET, CATALOGUE, TRIAL, DEMO, CONSULTATION, OFFER, PACKAGE, COUPON, ONBOARDING -> EmailTopic.PRODUCT_NEWS;
      case WHITEPAPER, GUIDE, TIPS, EBOOK, CHECKLIST, VIDEO, CASE_STUDY, NEWSLETTER -> EmailTopic.NEWSLETTER;
    };
  }
}
