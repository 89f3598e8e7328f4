package io.leadflow.delivery;

import org.springframework.web.util.HtmlUtils;

/**
 * The plain page a person reaches from a link in an email (unsubscribe, preference centre, opt-in
 * confirmation): one shell, in the person's language, kept out of search engines.
 */
final class EmailLinkPages {

  private EmailLinkPages() {}

  /** A whole page: {@code body} is HTML already escaped by the caller ({@link #esc}). */
  static String html(String lang, String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="%1$s">
        <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>%2$s</title></head>
        <body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; max-width: 36em; margin: 4em auto; padding: 0 1em;">
        <h1 style="font-size: 1.5em;">%2$s</h1>
        %3$s</body>
        </html>
        """.formatted(lang, esc(title), body);
  }

  /** Text as HTML. */
  static String esc(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
