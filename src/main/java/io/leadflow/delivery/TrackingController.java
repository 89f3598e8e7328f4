package io.leadflow.delivery;

import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.TrackingLinks.Kind;
import io.leadflow.intake.InteractionIntake;
import io.leadflow.intake.InteractionRequest;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.lead.LeadStatus;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The public, signed links of delivered emails (no login; see {@link TrackingLinks}):
 * <ul>
 *   <li>{@code GET /t/c/{token}}: a click: an EMAIL_CLICK, then 302 to the content's address,
 *       taken from the delivery's content, never from the request;
 *   <li>{@code GET /t/o/{token}.gif}: the open pixel: an EMAIL_OPEN and a 1x1 transparent GIF
 *       that is never cached;
 *   <li>{@code GET /t/u/{token}} (the footer link) and {@code POST /t/u/{token}} (RFC 8058
 *       one-click from the mail client): an UNSUBSCRIBE, once per delivery, and a short page.
 * </ul>
 * A tampered, malformed or unknown token answers 404 and records nothing. Neither does a HEAD
 * request (link checkers), nor a click or open of a lead that has unsubscribed or withdrawn its
 * consent: its links keep working, but it is no longer tracked.
 */
@Controller
@RequestMapping("/t")
class TrackingController {

  private static final Logger log = LoggerFactory.getLogger(TrackingController.class);
  private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  private static final String NEVER_CACHE = "no-store, no-cache, must-revalidate, max-age=0";
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final TrackingLinks links;
  private final DeliveryRepository deliveries;
  private final ContentItemRepository contents;
  private final Leads leads;
  private final InteractionIntake intake;
  private final String sender;

  TrackingController(TrackingLinks links, DeliveryRepository deliveries, ContentItemRepository contents,
      Leads leads, InteractionIntake intake, DeliveryProperties properties) {
    this.links = links;
    this.deliveries = deliveries;
    this.contents = contents;
    this.leads = leads;
    this.intake = intake;
    this.sender = properties.mail().senderName();
  }

  /** A delivery a valid token names, with its lead and content. */
  private record Tracked(Delivery delivery, Lead lead, ContentItem content) {}

  @GetMapping("/c/{token}")
  ResponseEntity<String> click(@PathVariable String token, HttpServletRequest request) {
    Optional<Tracked> found = tracked(token, Kind.CLICK);
    if (found.isEmpty()) {
      return notFoundPage();
    }
    Tracked tracked = found.get();
    Optional<URI> target = target(tracked.content());
    if (target.isEmpty()) {
      return notFoundPage();
    }
    if (!isHead(request) && mayBeTracked(tracked.lead())) {
      record(tracked, InteractionType.EMAIL_CLICK, null);
    }
    return ResponseEntity.status(HttpStatus.FOUND).location(target.get()).header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE).build();
  }

  @GetMapping("/o/{token}.gif")
  ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
    Optional<Tracked> found = tracked(token, Kind.OPEN);
    if (found.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!isHead(request) && mayBeTracked(found.get().lead())) {
      record(found.get(), InteractionType.EMAIL_OPEN, null);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_GIF)
        .header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header(HttpHeaders.EXPIRES, "0")
        .body(PIXEL);
  }

  /** The unsubscribe link of the email's footer. */
  @GetMapping("/u/{token}")
  ResponseEntity<String> unsubscribe(@PathVariable String token, HttpServletRequest request) {
    return unsubscribe(token, !isHead(request));
  }

  /** RFC 8058 one-click unsubscribe: the mail client posts {@code List-Unsubscribe=One-Click}. */
  @PostMapping("/u/{token}")
  ResponseEntity<String> unsubscribeOneClick(@PathVariable String token) {
    return unsubscribe(token, true);
  }

  private ResponseEntity<String> unsubscribe(String token, boolean record) {
    Optional<Tracked> found = tracked(token, Kind.UNSUBSCRIBE);
    if (found.isEmpty()) {
      return notFoundPage();
    }
    Tracked tracked = found.get();
    // once per delivery (its external id), and not again once the lead is unsubscribed
    if (record && tracked.lead().getStatus() != LeadStatus.UNSUBSCRIBED) {
      record(tracked, InteractionType.UNSUBSCRIBE, "unsubscribe-" + tracked.delivery().getId());
    }
    return page(HttpStatus.OK, "You are unsubscribed",
        "You will receive no more emails from " + sender + ".");
  }

  private Optional<Tracked> tracked(String token, Kind kind) {
    return links.deliveryId(token, kind)
        .flatMap(deliveries::findById)
        .flatMap(delivery -> leads.find(delivery.getLeadId())
            .flatMap(lead -> contents.findById(delivery.getContentId())
                .map(content -> new Tracked(delivery, lead, content))));
  }

  private void record(Tracked tracked, InteractionType type, String externalId) {
    InteractionRequest.Details details = new InteractionRequest.Details();
    details.setContentId(tracked.content().getId());
    details.setChannel("email");
    if (type == InteractionType.EMAIL_CLICK) {
      details.setUrl(tracked.content().getUrl());
    }
    InteractionIntake.Answer answer = intake.receive(
        new InteractionRequest(tracked.lead().getId(), null, type, null, externalId, details));
    if (answer instanceof InteractionIntake.Refused refused) {
      log.warn("{} of delivery {} not recorded: {} {}", type, tracked.delivery().getId(), refused.detail(), refused.errors());
    }
  }

  /** An unsubscribed lead, or one that withdrew its consent, is not tracked any more. */
  private static boolean mayBeTracked(Lead lead) {
    return lead.getStatus() != LeadStatus.UNSUBSCRIBED && !Boolean.FALSE.equals(lead.getConsentGiven());
  }

  /** The content's own address; only http(s), so a link can never lead to a script. */
  private static Optional<URI> target(ContentItem content) {
    try {
      URI uri = URI.create(content.getUrl().trim());
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (web && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // reported below
    }
    log.warn("Content {} has no http(s) address to lead a click to: {}", content.getId(), content.getUrl());
    return Optional.empty();
  }

  private static boolean isHead(HttpServletRequest request) {
    return "HEAD".equalsIgnoreCase(request.getMethod());
  }

  private static ResponseEntity<String> notFoundPage() {
    return page(HttpStatus.NOT_FOUND, "This link is not valid", "Please check that you copied the whole link.");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
    String html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s</title></head>
        <body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; max-width: 36em; margin: 4em auto; padding: 0 1em;">
        <h1 style="font-size: 1.5em;">%1$s</h1>
        <p>%2$s</p>
        </body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text));
    return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
        .header("Referrer-Policy", "no-referrer").body(html);
  }
}
