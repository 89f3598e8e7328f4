package io.leadflow.content;

/** How content reaches a lead. Only EMAIL is delivered today; the others are for the catalogue to plan with. */
public enum Channel {
  EMAIL,
  SMS,
  DIRECT_MAIL,
  TELEMARKETING
}
