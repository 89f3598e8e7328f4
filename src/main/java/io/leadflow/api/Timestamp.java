package io.leadflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one rule for a point in time sent to the API (interactions' {@code occurredAt}, a lead's
 * {@code consent.at}, in JSON, in batches and in imported files alike): an ISO-8601 timestamp
 * with offset ({@code 2026-05-04T09:30:00+02:00}, {@code 2026-05-04T07:30:00Z}), or a whole
 * number of epoch <b>milliseconds</b> ({@code 1700000000000}, as a JSON number or as text). A
 * number below {@value #SMALLEST_MILLIS} (before March 1973) is refused: it is almost surely epoch
 * seconds. Anything else is refused with this rule as the reason.
 */
public final class Timestamp {

  /** 1973-03-03 in epoch milliseconds; in epoch seconds it would be the year 5138. */
  public static final long SMALLEST_MILLIS = 100_000_000_000L;

  public static final String RULE = "must be an ISO-8601 timestamp with offset, such as 2026-05-04T09:30:00+02:00,"
      + " or epoch milliseconds, such as 1700000000000";

  private Timestamp() {}

  /** Reads text by the rule. */
  public static OffsetDateTime parse(String text) throws DateTimeException {
    String value = text.strip();
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      return fromMillis(Long.parseLong(value));
    }
    return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static OffsetDateTime fromMillis(long millis) {
    if (millis < SMALLEST_MILLIS) {
      throw new DateTimeException("epoch seconds?");
    }
    return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
  }

  /** For {@code @JsonDeserialize(using = Timestamp.Deserializer.class)} on an {@link OffsetDateTime}. */
  public static class Deserializer extends StdScalarDeserializer<OffsetDateTime> {

    public Deserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      try {
        if (token == JsonToken.VALUE_NUMBER_INT) {
          return fromMillis(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
          return parser.getText().isBlank() ? null : parse(parser.getText());
        }
      } catch (DateTimeException | NumberFormatException e) {
        // below
      }
      throw InvalidFormatException.from(parser, RULE, parser.getText(), OffsetDateTime.class);
    }
  }
}
