package io.leadflow.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query every report takes: the days {@code from} and {@code to} (both included, UTC; by default
 * the 30 days up to today), the attribution of the campaign report ({@code first} or {@code last},
 * default first) and, optionally, one campaign (its key) to report on.
 */
public record ReportPeriod(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
    Attribution attribution,
    @Size(max = 100) String campaign) {

  /** Which campaign a lead is credited to. */
  public enum Attribution {
    /** The campaign the lead was captured with ({@code leads.campaign}). */
    first,
    /** The last campaign it engaged with before it became an opportunity ({@code leads.last_touch_campaign}). */
    last
  }

  static final int DEFAULT_DAYS = 30;

  @AssertTrue(message = "must not be before from")
  boolean isToAfterFrom() {
    return from == null || to == null || !to.isBefore(from);
  }

  /** With the defaults filled in, relative to {@code today}. */
  ReportPeriod resolved(LocalDate today) {
    LocalDate end = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1)) : to;
    LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
    return new ReportPeriod(start, end, attribution == null ? Attribution.first : attribution,
        campaign == null || campaign.isBlank() ? null : campaign.trim());
  }

  /** The first moment of the period. */
  Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first moment after the period. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
