package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 12: every ISO 3166 country has a time zone (ICU for the countries with one; application.yml
 * chooses for those with several), and an unknown country takes the configured default.
 */
class CountryZonesTest {

  static final String ZONES = "leadflow.journey.send-window.zones.";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  final Map<String, ZoneId> configured = configuredZones();
  final SendWindow window = new SendWindow(new JourneySettings(null, null, new JourneySettings.Window(
      List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), BERLIN, configured), null, null));

  @Test
  void nepalIsKathmanduNotBerlin() {
    assertThat(window.zoneOf("NP")).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    assertThat(window.zoneOf("np")).isEqualTo(ZoneId.of("Asia/Kathmandu"));
  }

  @Test
  void countriesWithOneZoneGetItUnderItsCurrentName() {
    assertThat(window.zoneOf("IN")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(window.zoneOf("VN")).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(window.zoneOf("JP")).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(window.zoneOf("GB")).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(window.zoneOf("KE")).isEqualTo(ZoneId.of("Africa/Nairobi"));
  }

  @Test
  void countriesWithSeveralZonesGetTheConfiguredOne() {
    assertThat(window.zoneOf("US")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(window.zoneOf("RU")).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(window.zoneOf("BR")).isEqualTo(ZoneId.of("America/Sao_Paulo"));
    assertThat(window.zoneOf("AU")).isEqualTo(ZoneId.of("Australia/Sydney"));
  }

  @Test
  void anUnknownOrMissingCountryTakesTheDefaultZone() {
    assertThat(window.zoneOf("ZZ")).isEqualTo(BERLIN);
    assertThat(window.zoneOf("1")).isEqualTo(BERLIN);
    assertThat(window.zoneOf(null)).isEqualTo(BERLIN);
  }

  /** The promise: no ISO country falls back to the default, and every choice is a zone of that country. */
  @Test
  void everyIsoCountryHasAZoneOfItsOwn() {
    for (String country : Locale.getISOCountries()) {
      List<String> icu = List.copyOf(CountryZones.zonesOf(country));
      if (icu.size() != 1) {
        assertThat(configured).as("%s spans %s zones %s: application.yml must choose one", country, icu.size(), icu)
            .containsKey(country);
      }
      if (configured.containsKey(country) && !icu.isEmpty()) {
        assertThat(icu).as("the zone configured for %s is one of its own", country)
            .contains(com.ibm.icu.util.TimeZone.getCanonicalID(configured.get(country).getId()));
      }
      assertThat(window.zoneOf(country)).as(country).isNotNull();
      if (!country.equals("DE")) {
        assertThat(window.zoneOf(country).getId()).as("%s does not fall back to Berlin", country)
            .isNotEqualTo(BERLIN.getId());
      }
    }
  }

  private static Map<String, ZoneId> configuredZones() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties properties = yaml.getObject();
    Map<String, ZoneId> zones = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(ZONES)) {
        zones.put(name.substring(ZONES.length()), ZoneId.of(properties.getProperty(name)));
      }
    }
    assertThat(zones).as("leadflow.journey.send-window.zones in application.yml").isNotEmpty();
    return zones;
  }
}
