package io.leadflow.delivery;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentType;
import io.leadflow.lead.Lead;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.mail.internet.InternetAddress;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a content item into the email a lead receives. The item's subject and body are
 * Mustache templates of plain text (paragraphs apart by a blank line) with {@code firstName},
 * {@code lastName}, {@code company}, {@code title} and {@code url}, which is the tracked click
 * link, never the content's own address. The body goes into the layouts
 * {@code templates/email/content.txt.mustache} and {@code content.html.mustache}, escaped for
 * HTML in the HTML part, with the content button, the preference centre's and the unsubscribe
 * link, the sender and the open pixel.
 *
 * <p>Marketing writes the item's templates, so they are compiled with a compiler of our own, not
 * Spring Boot's: it loads no partials ({@code {{> ...}}}), looks nothing up on the values, and
 * only knows the five names above; any other name fails the rendering (and so the delivery)
 * instead of leaving a gap in the email.
 */
@Component
class ContentEmails {

  private static final String HTML_LAYOUT = "templates/email/content.html.mustache";
  private static final String TEXT_LAYOUT = "templates/email/content.txt.mustache";

  /** Looks names up in maps and lists only: no getters or fields of the values (such as {@code firstName.class}). */
  private static final Mustache.Collector VALUES_ONLY = new BasicCollector() {
    @Override
    public <K, V> Map<K, V> createFetcherCache() {
      return new ConcurrentHashMap<>();
    }
  };

  private final Mustache.Compiler plain =
      Mustache.compiler()
          .withCollector(VALUES_ONLY)
          .withLoader(name -> {
            throw new MustacheException("Email templates cannot include other templates ({{> " + name + "}})");
          })
          .escapeHTML(false)
          .emptyStringIsFalse(true);
  private final Template htmlLayout;
  private final Template textLayout;
  private final TrackingLinks links;
  private final InternetAddress from;
  private final String senderName;
  private final String messageIdDomain;

  ContentEmails(TrackingLinks links, DeliveryProperties properties) {
    this.links = links;
    this.from = properties.mail().address();
    this.senderName = properties.mail().senderName();
    this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    this.htmlLayout = plain.escapeHTML(true).compile(layout(HTML_LAYOUT));
    this.textLayout = plain.compile(layout(TEXT_LAYOUT));
  }

  /**
   * The tracked links every email has, however often its text repeats one: the click link and the
   * link hidden from people. A scanner that follows all of them within seconds is no person
   * ({@code bpmn/interaction-filter.dmn}, "every link of the email clicked").
   */
  static final int TRACKED_LINKS = 2;

  /**
   * @param to the lead's address as it is sent to (its canonical form, see {@code lead.EmailAddress})
   * @throws com.samskivert.mustache.MustacheException when the item's templates do not render
   */
  OutgoingEmail render(Lead lead, String to, ContentItem content, String deliveryId) throws UnsupportedEncodingException {
    // a confirmation request (double opt-in) links to its signed confirmation, not to content
    String clickUrl = content.getType() == ContentType.OPT_IN ? links.confirmUrl(deliveryId) : links.clickUrl(deliveryId);
    Map<String, Object> values = new HashMap<>();
    values.put("firstName", text(lead.getFirstName()));
    values.put("lastName", text(lead.getLastName()));
    values.put("company", text(lead.getCompany()));
    values.put("title", text(content.getTitle()));
    values.put("url", clickUrl);

    String subject = plain.compile(content.getEmailSubject()).execute(values).trim().replaceAll("\\s+", " ");
    String body = plain.compile(content.getEmailBody()).execute(values).replace("\r\n", "\n").strip();

    Map<String, Object> layout = new HashMap<>();
    layout.put("subject", subject);
    layout.put("body", body);
    layout.put("paragraphs", paragraphs(body, clickUrl));
    layout.put("title", text(content.getTitle()));
    layout.put("language", text(content.getLanguage()));
    layout.put("clickUrl", clickUrl);
    layout.put("openPixelUrl", links.openPixelUrl(deliveryId));
    layout.put("unsubscribeUrl", links.unsubscribeUrl(deliveryId));
    layout.put("preferencesUrl", links.preferencesUrl(deliveryId));
    layout.put("hiddenLinkUrl", links.hiddenLinkUrl(deliveryId));
    layout.put("senderName", senderName);
    layout.put("senderAddress", from.getAddress());

    String name = (text(lead.getFirstName()) + " " + text(lead.getLastName())).trim();
    InternetAddress recipient = new InternetAddress(to, name.isEmpty() ? null : name, StandardCharsets.UTF_8.name());
    return new OutgoingEmail(from, recipient, subject, textLayout.execute(layout), htmlLayout.execute(layout),
        links.unsubscribeUrl(deliveryId), messageId(deliveryId));
  }

  /** {@code <delivery id@sender's domain>}: the same for every attempt of one delivery. */
  String messageId(String deliveryId) {
    return "<" + deliveryId + "@" + messageIdDomain + ">";
  }

  /** The body's paragraphs as HTML: escaped, lines kept, the tracked link clickable. */
  private static List<Map<String, String>> paragraphs(String body, String clickUrl) {
    String link = HtmlUtils.htmlEscape(clickUrl);
    return Arrays.stream(body.split("\n\\s*\n"))
        .map(String::strip)
        .filter(paragraph -> !paragraph.isEmpty())
        .map(paragraph -> HtmlUtils.htmlEscape(paragraph, StandardCharsets.UTF_8.name())
            .replace(link, "<a href=\"" + link + "\" style=\"color:#1d4ed8;\">" + link + "</a>")
            .replace("\n", "<br>\n"))
        .map(html -> Map.of("html", html))
        .toList();
  }

  private static String layout(String path) {
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Email layout " + path + " cannot be read", e);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
