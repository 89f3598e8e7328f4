package io.leadflow.delivery;

import io.leadflow.content.ContentCatalogue;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.TrackingLinks.Kind;
import io.leadflow.intake.InteractionIntake;
import io.leadflow.intake.InteractionRequest;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.ConsentChange;
import io.leadflow.lead.DoubleOptIn;
import io.leadflow.lead.EmailFrequency;
import io.leadflow.lead.EmailPreferences;
import io.leadflow.lead.EmailTopic;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.lead.LeadStatus;
import io.leadflow.RateLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>{@code GET /t/u/{token}} (the footer link): a confirmation page that changes nothing;
 *       {@code POST /t/u/{token}} (its button, and RFC 8058 one-click from the mail client): an
 *       UNSUBSCRIBE, once per delivery, and a short page;
 *   <li>{@code GET /t/p/{token}} (the footer link "Choose what you receive"): the preference
 *       centre, which changes nothing; {@code POST /t/p/{token}}: keeps the ticked topics at the
 *       chosen frequency, or unsubscribes from all;
 *   <li>{@code GET /t/k/{token}} (a double opt-in's confirmation request): a page with one button;
 *       {@code POST /t/k/{token}}: the lead confirmed its address, its journey starts.
 * </ul>
 * A tampered, malformed or unknown token answers 404 and records nothing. Neither does a HEAD
 * request (link checkers), nor a click or open of a lead that has unsubscribed or withdrawn its
 * consent: its links keep working, but it is no longer tracked.
 *
 * <p>The links are public, so (issue 17, case 6): requests are limited per client address and per
 * link ({@link TrackingLimits}; beyond them 429 with {@code Retry-After}); repeated opens and
 * clicks of one email within the repeat window are counted on one row, not stored one by one
 * ({@link TrackingEvents}); click and open links expire {@code leadflow.tracking.link-max-age}
 * after their email (410, recorded nothing). Unsubscribe and preference links never expire. Every refusal is a
 * small page, not an error document: people see these.
 */
@Controller
@RequestMapping("/t")
class TrackingController {

  private static final Logger log = LoggerFactory.getLogger(TrackingController.class);
  private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  private static final String NEVER_CACHE = "no-store, no-cache, must-revalidate, max-age=0";
  /** The interactions' channel: the email's own links, or its preference centre. */
  private static final String EMAIL = io.leadflow.interaction.Interaction.EMAIL_CHANNEL;
  private static final String PREFERENCE_CENTRE = io.leadflow.interaction.Interaction.PREFERENCE_CENTRE_CHANNEL;
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final TrackingLinks links;
  private final DeliveryRepository deliveries;
  private final ContentItemRepository contents;
  private final Leads leads;
  private final InteractionIntake intake;
  private final TrackingLimits limits;
  private final TrackingEvents events;
  private final Clock clock;
  private final Duration linkMaxAge;
  private final String sender;
  private final ContentCatalogue catalogue;
  private final EmailPreferences preferences;
  private final DoubleOptIn doubleOptIn;

  TrackingController(TrackingLinks links, DeliveryRepository deliveries, ContentItemRepository contents,
      Leads leads, InteractionIntake intake, TrackingLimits limits, TrackingEvents events, Clock clock,
      DeliveryProperties properties, ContentCatalogue catalogue, EmailPreferences preferences, DoubleOptIn doubleOptIn) {
    this.doubleOptIn = doubleOptIn;
    this.catalogue = catalogue;
    this.preferences = preferences;
    this.links = links;
    this.deliveries = deliveries;
    this.contents = contents;
    this.leads = leads;
    this.intake = intake;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
    this.linkMaxAge = properties.tracking().linkMaxAge();
    this.sender = properties.mail().senderName();
  }

  /** A delivery a valid token names, with its lead and content. */
  private record Tracked(Delivery delivery, Lead lead, ContentItem content) {}

  /** A request of a link: the delivery it names, or the page to answer instead. */
  private record Visit(Tracked tracked, ResponseEntity<String> refusal) {

    static Visit refused(ResponseEntity<String> page) {
      return new Visit(null, page);
    }
  }

  @GetMapping("/c/{token}")
  ResponseEntity<String> click(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.CLICK);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Tracked tracked = visit.tracked();
    Optional<URI> target = target(tracked.content());
    if (target.isEmpty()) {
      return notFoundPage();
    }
    if (!isHead(request) && mayBeTracked(tracked.lead())) {
      recordFirstOfWindow(tracked, Kind.CLICK, request.getHeader(HttpHeaders.USER_AGENT));
    }
    return ResponseEntity.status(HttpStatus.FOUND).location(target.get()).header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE).build();
  }

  @GetMapping("/o/{token}.gif")
  ResponseEntity<?> open(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.OPEN);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    if (!isHead(request) && mayBeTracked(visit.tracked().lead())) {
      recordFirstOfWindow(visit.tracked(), Kind.OPEN, request.getHeader(HttpHeaders.USER_AGENT));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_GIF)
        .header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header(HttpHeaders.EXPIRES, "0")
        .body(PIXEL);
  }

  /**
   * The link hidden from people in every email (display:none): only a machine reading the email's
   * code follows it. Recorded as a click that the interaction filter judges machine-made (its
   * {@code hiddenLink}); answers a blank page.
   */
  @GetMapping("/h/{token}")
  ResponseEntity<String> hiddenLink(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.HIDDEN);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    if (!isHead(request) && mayBeTracked(visit.tracked().lead())) {
      recordFirstOfWindow(visit.tracked(), Kind.HIDDEN, request.getHeader(HttpHeaders.USER_AGENT));
    }
    return page(HttpStatus.OK, "Nothing here", "This link is not meant to be followed.");
  }

  /**
   * The unsubscribe link of the email's footer: a page that asks, and changes nothing. Mail
   * security gateways (Safe Links, Mimecast, Proofpoint) fetch every link of an incoming email,
   * so a GET is no sign of a person; only the page's button (a POST) unsubscribes.
   */
  @GetMapping("/u/{token}")
  ResponseEntity<String> unsubscribePage(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.UNSUBSCRIBE);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Tracked tracked = visit.tracked();
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
        tracked.lead().getCountry());
    String html = tracked.lead().getStatus() == LeadStatus.UNSUBSCRIBED
        ? UnsubscribePages.done(language, sender)
        : UnsubscribePages.confirmation(language, sender, tracked.lead().getEmail(), request.getRequestURI());
    return htmlPage(HttpStatus.OK, html, new HttpHeaders());
  }

  /**
   * The page's button, and RFC 8058 one-click unsubscribe from the mail client (which posts
   * {@code List-Unsubscribe=One-Click}): a deliberate act, so this unsubscribes.
   */
  @PostMapping("/u/{token}")
  ResponseEntity<String> unsubscribe(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.UNSUBSCRIBE);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Tracked tracked = visit.tracked();
    // once per delivery (its external id), and not again once the lead is unsubscribed
    if (tracked.lead().getStatus() != LeadStatus.UNSUBSCRIBED) {
      record(tracked, InteractionType.UNSUBSCRIBE, "unsubscribe-" + tracked.delivery().getId());
    }
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
        tracked.lead().getCountry());
    return htmlPage(HttpStatus.OK, UnsubscribePages.done(language, sender), new HttpHeaders());
  }

  /**
   * The preference centre (the email's footer link "Choose what you receive"): a page with the
   * topics the catalogue offers, those the lead keeps ticked, and how often it wants email. A GET
   * changes nothing (mail gateways fetch every link).
   */
  @GetMapping("/p/{token}")
  ResponseEntity<String> preferencesPage(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.PREFERENCES);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Lead lead = visit.tracked().lead();
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), lead.getCountry());
    String html = lead.getStatus() == LeadStatus.UNSUBSCRIBED
        ? UnsubscribePages.done(language, sender)
        : PreferencePages.page(language, sender, lead.getEmail(), request.getRequestURI(), catalogue.topicsOffered(),
            lead.keptTopics(), lead.emailFrequency(), false);
    return htmlPage(HttpStatus.OK, html, new HttpHeaders());
  }

  /**
   * The preference centre's buttons: {@code action=save} keeps the ticked topics ({@code topic},
   * any number) at the chosen {@code frequency}: a consent record and, when something changed, a
   * PREFERENCES_CHANGED interaction (scored as the engagement DMN says); {@code action=unsubscribe}
   * unsubscribes from all, as the unsubscribe link does. An unknown topic or frequency: 400.
   */
  @PostMapping("/p/{token}")
  ResponseEntity<String> choosePreferences(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.PREFERENCES);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Tracked tracked = visit.tracked();
    Lead lead = tracked.lead();
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), lead.getCountry());
    if (lead.getStatus() == LeadStatus.UNSUBSCRIBED) {
      return htmlPage(HttpStatus.OK, UnsubscribePages.done(language, sender), new HttpHeaders());
    }
    if ("unsubscribe".equals(request.getParameter("action"))) {
      record(tracked, InteractionType.UNSUBSCRIBE, "unsubscribe-" + tracked.delivery().getId(), null, PREFERENCE_CENTRE);
      return htmlPage(HttpStatus.OK, UnsubscribePages.done(language, sender), new HttpHeaders());
    }
    java.util.List<EmailTopic> offered = catalogue.topicsOffered();
    java.util.Set<EmailTopic> kept = java.util.EnumSet.noneOf(EmailTopic.class);
    EmailFrequency frequency;
    try {
      for (String topic : Optional.ofNullable(request.getParameterValues("topic")).orElse(new String[0])) {
        kept.add(EmailTopic.valueOf(topic));
      }
      String chosen = request.getParameter("frequency");
      frequency = chosen == null || chosen.isBlank() ? lead.emailFrequency() : EmailFrequency.valueOf(chosen);
    } catch (IllegalArgumentException unknown) {
      return page(HttpStatus.BAD_REQUEST, "This choice is not valid", "Please choose from the page's topics and frequencies.");
    }
    // topics the page did not show (the catalogue has nothing of them now) stay as they were
    lead.keptTopics().stream().filter(topic -> !offered.contains(topic)).forEach(kept::add);
    boolean changed = preferences.choose(lead.getId(), kept, frequency, new ConsentChange(ConsentChange.PREFERENCE_CENTRE,
        "preference centre of delivery " + tracked.delivery().getId(), null, request.getRemoteAddr(), null));
    if (changed) {
      record(tracked, InteractionType.PREFERENCES_CHANGED, null, null, PREFERENCE_CENTRE);
    }
    java.util.List<EmailTopic> keptInOrder = java.util.Arrays.stream(EmailTopic.values()).filter(kept::contains).toList();
    return htmlPage(HttpStatus.OK, PreferencePages.page(language, sender, lead.getEmail(), request.getRequestURI(), offered,
        keptInOrder, frequency, true), new HttpHeaders());
  }

  /**
   * The double opt-in's confirmation link (in the confirmation request): a page with one button;
   * a GET confirms nothing (mail gateways fetch every link).
   */
  @GetMapping("/k/{token}")
  ResponseEntity<String> confirmationPage(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.CONFIRM);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Lead lead = visit.tracked().lead();
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), lead.getCountry());
    String html = lead.awaitsOptIn() && lead.getOptInExpiredAt() == null
        ? PreferencePages.confirmation(language, sender, lead.getEmail(), request.getRequestURI())
        : PreferencePages.confirmed(language, sender, lead.getOptInConfirmedAt() != null);
    return htmlPage(HttpStatus.OK, html, new HttpHeaders());
  }

  /** The confirmation page's button: the lead confirmed its address (a consent record); its journey starts nurturing it. */
  @PostMapping("/k/{token}")
  ResponseEntity<String> confirm(@PathVariable String token, HttpServletRequest request) {
    Visit visit = visit(request, token, Kind.CONFIRM);
    if (visit.refusal() != null) {
      return visit.refusal();
    }
    Tracked tracked = visit.tracked();
    Lead lead = tracked.lead();
    UnsubscribePages.Language language = UnsubscribePages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), lead.getCountry());
    boolean confirmed = doubleOptIn.confirm(lead.getId(), new ConsentChange(ConsentChange.CONFIRMATION_LINK,
        "confirmation request " + tracked.delivery().getId(), tracked.content().getId(), request.getRemoteAddr(), null));
    return htmlPage(HttpStatus.OK, PreferencePages.confirmed(language, sender,
        confirmed || lead.getOptInConfirmedAt() != null), new HttpHeaders());
  }

  /**
   * The checks every link request passes, cheapest first: the client address's limit (before
   * anything is looked up), the signature, the link's limit, the delivery, the link's age.
   */
  private Visit visit(HttpServletRequest request, String token, Kind kind) {
    Optional<Duration> wait = limits.fromAddress(request.getRemoteAddr());
    if (wait.isPresent()) {
      return Visit.refused(tooManyRequestsPage(wait.get()));
    }
    Optional<String> deliveryId = links.deliveryId(token, kind);
    if (deliveryId.isEmpty()) {
      return Visit.refused(notFoundPage());
    }
    wait = limits.ofLink(deliveryId.get(), kind);
    if (wait.isPresent()) {
      return Visit.refused(tooManyRequestsPage(wait.get()));
    }
    Optional<Tracked> found = tracked(deliveryId.get());
    if (found.isEmpty()) {
      return Visit.refused(notFoundPage());
    }
    if (kind != Kind.UNSUBSCRIBE && kind != Kind.PREFERENCES && kind != Kind.CONFIRM && isExpired(found.get().delivery())) {
      return Visit.refused(page(HttpStatus.GONE, "This link has expired",
          "Links in our emails work for a while after they are sent. This one is older than that."));
    }
    return new Visit(found.get(), null);
  }

  private Optional<Tracked> tracked(String deliveryId) {
    return deliveries.findById(deliveryId)
        .flatMap(delivery -> leads.find(delivery.getLeadId())
            .flatMap(lead -> contents.findById(delivery.getContentId())
                .map(content -> new Tracked(delivery, lead, content))));
  }

  /** Older than {@code leadflow.tracking.link-max-age}, counted from when the email was sent (or recorded, if not sent). */
  private boolean isExpired(Delivery delivery) {
    Instant issued = delivery.getSentAt() != null ? delivery.getSentAt() : delivery.getCreatedAt();
    return issued.plus(linkMaxAge).isBefore(clock.instant());
  }

  /** An open or click: an interaction for the first of its window, a count for a repeat. */
  private void recordFirstOfWindow(Tracked tracked, Kind kind, String userAgent) {
    events.hit(tracked.delivery().getId(), kind, clock.instant()).ifPresent(first -> {
      InteractionIntake.Answer answer = record(tracked, kind, userAgent);
      if (answer instanceof InteractionIntake.Received received) {
        events.recorded(first, received.id(), Boolean.TRUE.equals(received.filtered()));
      }
    });
  }

  private InteractionIntake.Answer record(Tracked tracked, InteractionType type, String externalId) {
    return record(tracked, type, externalId, null);
  }

  private InteractionIntake.Answer record(Tracked tracked, InteractionType type, String externalId, String userAgent) {
    return record(tracked, type, externalId, userAgent, EMAIL);
  }

  /** A click (of the visible link or the hidden one) or an open, with what tells a person from a machine. */
  private InteractionIntake.Answer record(Tracked tracked, Kind kind, String userAgent) {
    if (kind == Kind.OPEN) {
      return record(tracked, InteractionType.EMAIL_OPEN, null, userAgent);
    }
    InteractionRequest.Details details = details(tracked, InteractionType.EMAIL_CLICK, userAgent, EMAIL);
    details.put("linksInEmail", ContentEmails.TRACKED_LINKS);
    if (kind == Kind.HIDDEN) {
      details.setUrl(links.hiddenLinkPage());
      details.put("hiddenLink", true);
    }
    return recordWith(tracked, InteractionType.EMAIL_CLICK, null, details);
  }

  /**
   * What the interaction filter needs to tell a person from a machine goes along in the details:
   * the delivery, when it was sent, and the user agent that fetched the link.
   */
  private InteractionIntake.Answer record(Tracked tracked, InteractionType type, String externalId, String userAgent,
      String channel) {
    return recordWith(tracked, type, externalId, details(tracked, type, userAgent, channel));
  }

  private InteractionRequest.Details details(Tracked tracked, InteractionType type, String userAgent, String channel) {
    InteractionRequest.Details details = new InteractionRequest.Details();
    details.setContentId(tracked.content().getId());
    details.setChannel(channel);
    details.put("deliveryId", tracked.delivery().getId());
    if (tracked.delivery().getSentAt() != null) {
      details.put("sentAt", tracked.delivery().getSentAt().atOffset(java.time.ZoneOffset.UTC).toString());
    }
    if (userAgent != null && type != InteractionType.UNSUBSCRIBE) {
      // a header may carry anything; interactions hold no control characters
      String clean = userAgent.replaceAll("\\p{Cntrl}", "");
      details.put("userAgent", clean.length() <= 500 ? clean : clean.substring(0, 500));
    }
    if (type == InteractionType.EMAIL_CLICK) {
      details.setUrl(tracked.content().getUrl());
    }
    return details;
  }

  private InteractionIntake.Answer recordWith(Tracked tracked, InteractionType type, String externalId,
      InteractionRequest.Details details) {
    InteractionIntake.Answer answer = intake.receive(
        new InteractionRequest(tracked.lead().getId(), null, type, null, externalId, details));
    if (answer instanceof InteractionIntake.Refused refused) {
      log.warn("{} of delivery {} not recorded: {} {}", type, tracked.delivery().getId(), refused.detail(), refused.errors());
    }
    return answer;
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

  private static ResponseEntity<String> tooManyRequestsPage(Duration wait) {
    HttpHeaders retryAfter = new HttpHeaders();
    retryAfter.set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimit.seconds(wait)));
    return page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
        "This link was opened too often in a short time. Please try again in a minute.", retryAfter);
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
    return page(status, title, text, new HttpHeaders());
  }

  private static ResponseEntity<String> htmlPage(HttpStatus status, String html, HttpHeaders headers) {
    return ResponseEntity.status(status).headers(headers).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
        .header("Referrer-Policy", "no-referrer").body(html);
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text, HttpHeaders headers) {
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
    return ResponseEntity.status(status).headers(headers).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
        .header("Referrer-Policy", "no-referrer").body(html);
  }
}
