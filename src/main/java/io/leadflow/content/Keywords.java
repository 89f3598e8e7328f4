package io.leadflow.content;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The industries and role keywords of an item: lower case, single-spaced words, stored
 * comma-separated (empty or null: the item fits everyone).
 */
final class Keywords {

  /** A keyword: words of letters and digits, joined by spaces or {@code & . / + -}; no commas. */
  static final String PATTERN = "[\\p{L}\\p{N}]+([ &./+-]+[\\p{L}\\p{N}]+)*";

  private Keywords() {}

  /** Trimmed, lower case, inner whitespace collapsed to one space; null stays null. */
  static String normalise(String keyword) {
    return keyword == null ? null : keyword.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static List<String> split(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).map(Keywords::normalise).filter(keyword -> !keyword.isEmpty()).toList();
  }

  /** Null for none, as the seed stores it. */
  static String join(List<String> keywords) {
    return keywords == null || keywords.isEmpty() ? null : String.join(",", keywords);
  }
}
