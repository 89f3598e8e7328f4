package io.leadflow.lead;

/**
 * How text from forms, files and copy-paste is tidied before it is checked or stored: what counts
 * as blank, what is invisible. One small place, so capture, import and the email rules agree.
 */
final class TextRules {

  private TextRules() {}

  /**
   * Without space of any kind around it (the ASCII ones, the no-break spaces U+00A0, U+2007,
   * U+202F, the ideographic one, ...) nor invisible characters at its ends (zero-width space,
   * byte order mark, ...); null when nothing is left: {@code "\u00a0"} is blank.
   */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && blank(value.charAt(start))) {
      start++;
    }
    while (end > start && blank(value.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : value.substring(start, end);
  }

  /** Without Unicode's format characters (category Cf: zero-width spaces and joiners, BOM, soft hyphen, direction marks). */
  static String withoutInvisibles(String value) {
    StringBuilder kept = new StringBuilder(value.length());
    value.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /**
   * Whether it has a control character (C0, DEL, C1: NUL, tab, line breaks, ...): an email address
   * may hold none. Other text may hold tab and line breaks: {@code api.ControlCharacters}.
   */
  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
        || Character.isISOControl(c);
  }
}
