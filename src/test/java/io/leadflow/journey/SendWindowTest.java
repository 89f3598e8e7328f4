package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Content goes out on weekdays in business hours, in the lead's time zone. */
class SendWindowTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  SendWindow window = new SendWindow(new JourneySettings(null, null, new JourneySettings.Window(
      List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
      LocalTime.of(9, 0), LocalTime.of(17, 0), BERLIN, Map.of("US", NEW_YORK)), null, null));

  @Test
  void aSendDueOnATuesdayMorningGoesOutThen() {
    Instant tuesdayAtTen = at(2026, 11, 24, 10, 0, BERLIN);

    assertThat(window.nextOpening(tuesdayAtTen, "DE")).isEqualTo(tuesdayAtTen);
  }

  @Test
  void aSendDueInTheEveningWaitsForTheNextMorning() {
    assertThat(window.nextOpening(at(2026, 11, 24, 18, 30, BERLIN), "DE")).isEqualTo(at(2026, 11, 25, 9, 0, BERLIN));
  }

  @Test
  void aSendDueBeforeOfficeHoursWaitsUntilNine() {
    assertThat(window.nextOpening(at(2026, 11, 24, 6, 0, BERLIN), "DE")).isEqualTo(at(2026, 11, 24, 9, 0, BERLIN));
  }

  @Test
  void aSendDueOnAFridayEveningOrTheWeekendWaitsForMonday() {
    Instant monday = at(2026, 11, 30, 9, 0, BERLIN);

    assertThat(window.nextOpening(at(2026, 11, 27, 17, 0, BERLIN), "DE")).isEqualTo(monday);
    assertThat(window.nextOpening(at(2026, 11, 28, 12, 0, BERLIN), "DE")).isEqualTo(monday);
  }

  @Test
  void theLeadsCountryDecidesTheTimeZoneAndAnUnknownOneTakesTheDefault() {
    Instant berlinAfternoon = at(2026, 11, 24, 16, 0, BERLIN); // 10:00 in New York

    assertThat(window.nextOpening(berlinAfternoon, "US")).isEqualTo(berlinAfternoon);
    assertThat(window.nextOpening(at(2026, 11, 24, 20, 0, BERLIN), "us")).as("14:00 in New York").isEqualTo(at(2026, 11, 24, 20, 0, BERLIN));
    assertThat(window.nextOpening(at(2026, 11, 24, 18, 0, BERLIN), "ZZ")).isEqualTo(at(2026, 11, 25, 9, 0, BERLIN));
    assertThat(window.nextOpening(at(2026, 11, 24, 18, 0, BERLIN), null)).isEqualTo(at(2026, 11, 25, 9, 0, BERLIN));
  }

  @Test
  void aWindowFromMidnightToMidnightOnEveryDayIsAlwaysOpen() {
    SendWindow always = new SendWindow(new JourneySettings(null, null, new JourneySettings.Window(
        List.of(DayOfWeek.values()), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, BERLIN, Map.of()), null, null));
    Instant sundayNight = at(2026, 11, 29, 23, 59, BERLIN);

    assertThat(always.nextOpening(sundayNight, "DE")).isEqualTo(sundayNight);
  }

  static Instant at(int year, int month, int day, int hour, int minute, ZoneId zone) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
  }
}
