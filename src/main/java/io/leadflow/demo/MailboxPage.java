package io.leadflow.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.leadflow.demo.EmbeddedMailbox.Email;
import io.leadflow.demo.EmbeddedMailbox.Mailbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /mailbox}: what Leadflow sent in the embedded run, for marketing and administrators (HTTP
 * Basic, see security.WebSecurity), so a newcomer reads each email as the lead would and can
 * click, open and unsubscribe against the local instance.
 *
 * <p>An email's HTML is shown in an {@code iframe} with {@code srcdoc} and an empty-handed
 * {@code sandbox} (no scripts, no forms, no access to this page, its cookies or its origin); only
 * links may open, in a new tab, as a mail client opens them. The page's Content-Security-Policy
 * (inherited by the frame) allows no script at all, inline styles, and images (the open pixel:
 * showing an email counts as opening it, as in a mail client).
 */
@RestController
@ConditionalOnProperty(name = MailboxDefaults.ENABLED, havingValue = "true")
class MailboxPage {

  static final String PATH = "/mailbox";
  static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' http: https: data:; "
      + "frame-ancestors 'none'; form-action 'none'";
  /** What the email's frame may do: open its links in a new tab (outside the sandbox), nothing else. */
  static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}
      td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}iframe{width:100%;height:60vh;
      border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}.hint{color:#555}""";

  private final Mailbox mailbox;

  MailboxPage(Mailbox mailbox) {
    this.mailbox = mailbox;
  }

  @GetMapping(PATH)
  ResponseEntity<String> list() {
    List<Email> emails = mailbox.emails();
    StringBuilder rows = new StringBuilder();
    for (Email email : emails) {
      rows.append("<tr><td>").append(email.sentAt() == null ? "" : TIME.format(email.sentAt()))
          .append("</td><td>").append(htmlEscape(email.to()))
          .append("</td><td><a class=\"email\" href=\"").append(PATH).append('/')
          .append(htmlEscape(URLEncoder.encode(email.id(), StandardCharsets.UTF_8))).append("\">")
          .append(htmlEscape(email.subject())).append("</a></td></tr>\n");
    }
    String body = "<h1>Mailbox</h1><p class=\"hint\">Every email this Leadflow sent (the embedded run's own mail "
        + "server; nothing leaves this machine). Open one to read it as the lead would: showing it records an open, "
        + "its links a click or an unsubscribe, and the lead's score moves (<code>/api/leads/{id}/score</code>). "
        + "Reload for new ones.</p>"
        + (emails.isEmpty() ? "<p>Nothing sent yet.</p>"
            : "<table><thead><tr><th>sent</th><th>to</th><th>subject</th></tr></thead><tbody>" + rows + "</tbody></table>");
    return page(HttpStatus.OK, "Mailbox", body);
  }

  @GetMapping(PATH + "/{id}")
  ResponseEntity<String> email(@PathVariable String id) {
    return mailbox.email(id)
        .map(email -> page(HttpStatus.OK, email.subject(), show(email)))
        .orElseGet(() -> page(HttpStatus.NOT_FOUND, "Not found",
            "<p>No such email. <a href=\"" + PATH + "\">Back to the mailbox</a></p>"));
  }

  private static String show(Email email) {
    StringBuilder body = new StringBuilder("<p><a href=\"" + PATH + "\">&larr; Mailbox</a></p>")
        .append("<h1>").append(htmlEscape(email.subject())).append("</h1><table>")
        .append("<tr><th>from</th><td>").append(htmlEscape(email.from())).append("</td></tr>")
        .append("<tr><th>to</th><td>").append(htmlEscape(email.to())).append("</td></tr>")
        .append("<tr><th>sent</th><td>").append(email.sentAt() == null ? "" : TIME.format(email.sentAt()))
        .append("</td></tr></table>");
    if (email.html() != null) {
      String html = withLinksInNewTabs(email.html());
      body.append("<h2>As the lead sees it</h2><iframe title=\"email\" sandbox=\"").append(SANDBOX)
          .append("\" referrerpolicy=\"no-referrer\" srcdoc=\"").append(htmlEscape(html)).append("\"></iframe>");
    }
    if (email.text() != null) {
      body.append("<h2>Text part</h2><pre>").append(htmlEscape(email.text())).append("</pre>");
    }
    return body.toString();
  }

  /** Links open in a new tab, as a mail client opens them: a {@code <base target>} first in the head; else unchanged. */
  static String withLinksInNewTabs(String html) {
    Matcher head = HEAD.matcher(html);
    return head.find()
        ? html.substring(0, head.end()) + "<base target=\"_blank\">" + html.substring(head.end())
        : "<base target=\"_blank\">" + html;
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + htmlEscape(title)
        + " - Leadflow</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer")
        .body(html);
  }
}
