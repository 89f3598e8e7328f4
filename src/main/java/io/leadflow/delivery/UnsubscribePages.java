package io.leadflow.delivery;

import static io.leadflow.delivery.EmailLinkPages.esc;
import static io.leadflow.delivery.EmailLinkPages.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The unsubscribe link's pages, in English or Spanish: the confirmation a GET shows (the
 * address masked, the sender's name, one button that posts to the same link) and the page after
 * unsubscribing. The language is the first of English and Spanish the browser asks for
 * ({@code Accept-Language}), else Spanish for a lead in a Spanish-speaking country, else English.
 */
final class UnsubscribePages {

  enum Language { EN, ES }

  /** ISO 3166-1 countries whose main language is Spanish. */
  private static final Set<String> SPANISH_SPEAKING = Set.of("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT",
      "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ");

  private UnsubscribePages() {}

  static Language language(String acceptLanguage, String country) {
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = range.getRange().toLowerCase(Locale.ROOT);
          if (tag.equals("es") || tag.startsWith("es-")) {
            return Language.ES;
          }
          if (tag.equals("en") || tag.startsWith("en-")) {
            return Language.EN;
          }
        }
      } catch (IllegalArgumentException malformed) {
        // fall back to the lead's country
      }
    }
    return country != null && SPANISH_SPEAKING.contains(country.toUpperCase(Locale.ROOT)) ? Language.ES : Language.EN;
  }

  /** The question: the address masked ({@code a***@e***.com}), the sender, one button. */
  static String confirmation(Language language, String sender, String email, String action) {
    String masked = mask(email);
    List<String> text = language == Language.ES
        ? List.of("es", "¿Darse de baja?",
            "Pulse el botón para dejar de recibir correos de %s en %s.".formatted(esc(sender), "<strong>" + esc(masked) + "</strong>"),
            "Darme de baja", "Si no quiere darse de baja, cierre esta página: no cambia nada.")
        : List.of("en", "Unsubscribe?",
            "Press the button to stop receiving emails from %s at %s.".formatted(esc(sender), "<strong>" + esc(masked) + "</strong>"),
            "Unsubscribe me", "If you do not want to unsubscribe, close this page: nothing changes.");
    String body = """
        <p>%s</p>
        <form method="post" action="%s">
        <input type="hidden" name="List-Unsubscribe" value="One-Click">
        <button type="submit" style="font-size: 1em; padding: 0.6em 1.2em;">%s</button>
        </form>
        <p style="color: #52606d; font-size: 0.9em;">%s</p>
        """.formatted(text.get(2), esc(action), esc(text.get(3)), esc(text.get(4)));
    return html(text.get(0), text.get(1), body);
  }

  /** After unsubscribing (or when the lead already is). */
  static String done(Language language, String sender) {
    return language == Language.ES
        ? html("es", "Se ha dado de baja", "<p>No recibirá más correos de " + esc(sender) + ".</p>")
        : html("en", "You are unsubscribed", "<p>You will receive no more emails from " + esc(sender) + ".</p>");
  }

  /** {@code ada@example.com} as {@code a***@e***.com}: enough for the person to recognise, too little for anyone else. */
  static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot > 0 ? domain.substring(dot) : "";
    String host = dot > 0 ? domain.substring(0, dot) : domain;
    return email.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        + "***@" + (host.isEmpty() ? "" : host.substring(0, 1)) + "***" + tld;
  }
}
