package io.leadflow.intake;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an {@code EMAIL_BOUNCE}'s {@code details.bounceType} (or {@code details.status}, a DSN
 * status) is read ({@code leadflow.email.bounces.*}, docs/configuration.md). Senders name bounces
 * in their own words: {@code hard}/{@code soft}, Amazon SES's {@code Permanent}/{@code Transient},
 * SendGrid's {@code bounce}/{@code blocked}/{@code deferred}, or an RFC 3464 status: {@code 5.x.x}
 * is permanent, {@code 4.x.x} transient.
 *
 * @param permanent words (any case) that mean the address will never take mail
 * @param transientWords words that mean a temporary failure (full mailbox, greylisting, a blocked IP)
 * @param transientInARow transient bounces without an email reaching the lead in between that count
 *     as a permanent one (default 3)
 */
@ConfigurationProperties("leadflow.email.bounces")
public record BounceSettings(List<String> permanent, List<String> transientWords, Integer transientInARow) {

  private static final Pattern DSN = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}");

  public BounceSettings {
    permanent = permanent == null ? List.of("hard", "permanent", "bounce", "dropped") : permanent;
    transientWords = transientWords == null
        ? List.of("soft", "transient", "blocked", "deferred", "undetermined") : transientWords;
    transientInARow = transientInARow == null ? 3 : transientInARow;
  }

  /** What a bounce report says. */
  public enum Kind { PERMANENT, TRANSIENT, UNKNOWN }

  /** The bounce type (a word, or a DSN status such as {@code 5.1.1}, also inside text like {@code "smtp; 550 5.1.1 ..."}). */
  public Kind classify(Object bounceType) {
    if (bounceType == null) {
      return Kind.UNKNOWN;
    }
    String text = bounceType.toString().trim().toLowerCase(Locale.ROOT);
    if (permanent.stream().anyMatch(word -> word.equalsIgnoreCase(text))) {
      return Kind.PERMANENT;
    }
    if (transientWords.stream().anyMatch(word -> word.equalsIgnoreCase(text))) {
      return Kind.TRANSIENT;
    }
    var dsn = DSN.matcher(text);
    if (dsn.find()) {
      return switch (dsn.group(1)) {
        case "5" -> Kind.PERMANENT;
        case "4" -> Kind.TRANSIENT;
        default -> Kind.UNKNOWN;
      };
    }
    return Kind.UNKNOWN;
  }
}
