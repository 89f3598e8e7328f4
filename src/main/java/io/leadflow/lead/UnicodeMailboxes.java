package io.leadflow.lead;

/**
 * Whether the mail sender can deliver to an address whose local part is not ASCII
 * ({@code josé@example.com}): only through a mail server that offers SMTPUTF8 (RFC 6531). The
 * delivery feature answers; capture refuses such an address when the answer is no.
 */
public interface UnicodeMailboxes {

  /** True when it can, false when it cannot, null when it cannot tell now (the mail server is unreachable). */
  Boolean deliverable();
}
