package io.leadflow.lead;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which field a column header names: the field's own name ({@code email}, {@code consent.given},
 * from {@link LeadProfile}) or one of its aliases in {@code leads/import-columns.txt} (English and
 * Spanish: "Email Address", "First Name", "Correo electrónico", "Empresa", ...). Case, accents,
 * spaces and punctuation do not matter.
 */
final class ImportColumns {

  private static final String ALIASES = "leads/import-columns.txt";

  /** The fields a file may have, derived from {@link LeadProfile}. */
  static final Set<String> FIELDS = fields(LeadProfile.class, "");

  private static final Map<String, String> BY_KEY = load();

  private ImportColumns() {}

  /** The field the header names, if any. */
  static Optional<String> field(String header) {
    return Optional.ofNullable(BY_KEY.get(key(header)));
  }

  /** Lower case, without accents, spaces and punctuation. */
  static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder key = new StringBuilder();
    decomposed.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
    return key.toString();
  }

  private static Map<String, String> load() {
    Map<String, String> byKey = new HashMap<>();
    try (InputStream in = ImportColumns.class.getClassLoader().getResourceAsStream(ALIASES)) {
      if (in == null) {
        throw new IllegalStateException(ALIASES + " is missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String field = entry.substring(0, entry.indexOf(':')).strip();
        if (!FIELDS.contains(field)) {
          throw new IllegalStateException(ALIASES + " names " + field + ", which is not a field");
        }
        for (String alias : entry.substring(entry.indexOf(':') + 1).split(",")) {
          String previous = byKey.put(key(alias), field);
          if (previous != null && !previous.equals(field)) {
            throw new IllegalStateException(ALIASES + ": '" + alias.strip() + "' is given for " + previous + " and " + field);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(ALIASES + " cannot be read", e);
    }
    FIELDS.forEach(field -> byKey.put(key(field), field));
    return Map.copyOf(byKey);
  }

  private static Set<String> fields(Class<?> type, String prefix) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType().isRecord()) {
        names.addAll(fields(component.getType(), prefix + component.getName() + "."));
      } else {
        names.add(prefix + component.getName());
      }
    }
    return names;
  }
}
