package io.leadflow.lead;

/**
 * The topics a lead may keep or decline in the preference centre. Which content types each covers
 * is the catalogue's to say ({@code content.ContentType#topic}); the welcome belongs to none and is
 * always sent.
 */
public enum EmailTopic {
  /** The newsletter and editorial content: guides, tips, white papers, e-books, checklists, videos, case studies. */
  NEWSLETTER,
  /** What we sell: data sheets, catalogues, trials, demos, consultations, offers, packages, coupons, onboarding. */
  PRODUCT_NEWS,
  /** Webinars and seminars. */
  EVENTS
}
