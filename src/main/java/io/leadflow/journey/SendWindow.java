package io.leadflow.journey;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When content may go out to a lead: on the window's days and hours in the lead's time zone
 * (from its country: every ISO 3166 country has one, see {@link #zoneOf}). A send that falls outside waits for the next opening.
 */
@Component
public class SendWindow {

  private final JourneySettings.Window window;
  private final Set<DayOfWeek> days;
  private final CountryZones countries = new CountryZones();

  SendWindow(JourneySettings settings) {
    this.window = settings.sendWindow();
    this.days = window.openDays();
  }

  /**
   * {@code at} itself when the window is open then, else the next opening after it. An {@code end}
   * of 00:00 means midnight at the end of the day (so 00:00-00:00 is the whole day).
   */
  public Instant nextOpening(Instant at, String country) {
    ZoneId zone = zoneOf(country);
    ZonedDateTime local = at.atZone(zone);
    for (int day = 0; day <= 7; day++) {
      LocalDate date = local.toLocalDate().plusDays(day);
      if (!days.contains(date.getDayOfWeek())) {
        continue;
      }
      ZonedDateTime opens = date.atTime(window.start()).atZone(zone);
      ZonedDateTime closes = window.end().equals(LocalTime.MIDNIGHT)
          ? date.plusDays(1).atStartOfDay(zone)
          : date.atTime(window.end()).atZone(zone);
      if (local.isBefore(opens)) {
        return opens.toInstant();
      }
      if (local.isBefore(closes)) {
        return at;
      }
    }
    throw new IllegalStateException("The send window has no open day: check leadflow.journey.send-window.days");
  }

  /**
   * The lead's zone: its country's in {@code leadflow.journey.send-window.zones}, else its
   * country's from ICU ({@link CountryZones}: every ISO country), else {@code default-zone}.
   */
  ZoneId zoneOf(String country) {
    if (country == null || country.isBlank()) {
      return window.defaultZone();
    }
    ZoneId configured = window.zones().get(country.trim().toUpperCase(Locale.ROOT));
    return configured != null ? configured : countries.of(country.trim()).orElse(window.defaultZone());
  }
}
