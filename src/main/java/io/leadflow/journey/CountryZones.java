package io.leadflow.journey;

import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone of a country (ISO 3166-1 alpha-2), from ICU's copy of the IANA time zone database
 * and CLDR (ICU4J, kept up to date with the library): a country with one zone gets it, by its
 * current IANA name ({@code Asia/Kathmandu}, not CLDR's {@code Asia/Katmandu}). A country spanning
 * several zones needs a choice (its most populous zone), which {@code leadflow.journey.send-window.zones}
 * makes (application.yml has one for every such country); without it, ICU's first zone of the
 * country is taken. A code ICU knows no zone for is empty (the caller's default).
 */
final class CountryZones {

  private final Map<String, Optional<ZoneId>> known = new ConcurrentHashMap<>();

  /** The country's zones as ICU lists them (CLDR's canonical ids), for the choice and for tests. */
  static Set<String> zonesOf(String country) {
    try {
      return TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country.toUpperCase(Locale.ROOT), null);
    } catch (IllegalArgumentException notARegion) {
      return Set.of();
    }
  }

  Optional<ZoneId> of(String country) {
    return known.computeIfAbsent(country.toUpperCase(Locale.ROOT), code -> zonesOf(code).stream().findFirst().map(CountryZones::zone));
  }

  /** ICU's zone id as java.time knows it: its IANA name, else the id itself (an IANA link). */
  private static ZoneId zone(String icuId) {
    String iana = TimeZone.getIanaID(icuId);
    try {
      return ZoneId.of(iana != null && !iana.equals(TimeZone.UNKNOWN_ZONE_ID) ? iana : icuId);
    } catch (DateTimeException unknownToThisJava) {
      return ZoneId.of(icuId);
    }
  }
}
