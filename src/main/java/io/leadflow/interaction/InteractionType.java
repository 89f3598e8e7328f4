package io.leadflow.interaction;

/** What a lead did (names fixed by the API contract). How much each scores is DMN's to say. */
public enum InteractionType {
  PAGE_VIEW,
  CONTENT_DOWNLOAD,
  EMAIL_OPEN,
  EMAIL_CLICK,
  FORM_SUBMISSION,
  WEB_INQUIRY,
  WEBINAR_REGISTERED,
  WEBINAR_ATTENDED,
  DEMO_REQUEST,
  QUOTE_REQUEST,
  PRICE_LIST_REQUEST,
  SOCIAL_MENTION,
  SOCIAL_SHARE,
  UNSUBSCRIBE,
  EMAIL_BOUNCE,
  /** A spam report (feedback loop, a sender's complaint event): the address goes on the suppression list. */
  EMAIL_COMPLAINT,
  /** Topics or frequency chosen in the preference centre (an email's signed link); its points are the engagement DMN's. */
  PREFERENCES_CHANGED
}
