package io.leadflow.lead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country as people write it, resolved to its ISO 3166-1 alpha-2 code: the code itself in any
 * case, the alpha-3 code, the English or Spanish name (the JDK's CLDR data), and the aliases of
 * {@code leads/country-aliases.properties} (UK, EL, USA, Deutschland, ...). Case, accents, spaces
 * and punctuation do not matter.
 */
final class Countries {

  private static final String ALIASES = "leads/country-aliases.properties";
  private static final Map<String, String> CODES = load();

  private Countries() {}

  /** The ISO code, or the value as sent (trimmed, upper case) when it names no country: the validation then says so. */
  static String resolve(String value) {
    String cleaned = TextRules.clean(value);
    if (cleaned == null) {
      return null;
    }
    return CODES.getOrDefault(key(cleaned), cleaned.toUpperCase(Locale.ROOT));
  }

  /** Lower case, without accents, spaces and punctuation: {@code "España"} and {@code "espana"}, {@code "U.K."} and {@code "uk"}. */
  static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder key = new StringBuilder();
    decomposed.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
    return key.toString();
  }

  private static Map<String, String> load() {
    Map<String, String> codes = new HashMap<>();
    Locale spanish = Locale.forLanguageTag("es");
    for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
      Locale country = new Locale.Builder().setRegion(code).build();
      codes.putIfAbsent(key(country.getDisplayCountry(Locale.ENGLISH)), code);
      codes.putIfAbsent(key(country.getDisplayCountry(spanish)), code);
      codes.putIfAbsent(key(country.getISO3Country()), code);
    }
    try (InputStream in = Countries.class.getClassLoader().getResourceAsStream(ALIASES)) {
      if (in == null) {
        throw new IllegalStateException(ALIASES + " is missing");
      }
      // "name=CODE" a line (names may have spaces, so not java.util.Properties); # starts a comment
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(line -> codes.put(key(line.substring(0, line.lastIndexOf('='))),
              line.substring(line.lastIndexOf('=') + 1).strip()));
    } catch (IOException | StringIndexOutOfBoundsException e) {
      throw new IllegalStateException(ALIASES + " cannot be read", e);
    }
    // the codes last: a two-letter code is always itself
    for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
      codes.put(key(code), code);
    }
    return Map.copyOf(codes);
  }
}
