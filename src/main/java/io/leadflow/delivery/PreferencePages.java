package io.leadflow.delivery;

import static io.leadflow.delivery.EmailLinkPages.esc;
import static io.leadflow.delivery.EmailLinkPages.html;

import io.leadflow.delivery.UnsubscribePages.Language;
import io.leadflow.lead.EmailFrequency;
import io.leadflow.lead.EmailTopic;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The preference centre's page, in English or Spanish (chosen as the unsubscribe pages choose,
 * {@link UnsubscribePages#language}): the address masked, a checkbox per topic the catalogue
 * offers, the frequency, a button that saves, and a second form that unsubscribes from all. Both
 * post to the same signed link; a GET changes nothing.
 */
final class PreferencePages {

  private static final Map<EmailTopic, List<String>> TOPICS = Map.of(
      EmailTopic.NEWSLETTER, List.of("Newsletter, guides and tips", "Boletín, guías y consejos"),
      EmailTopic.PRODUCT_NEWS, List.of("Product news and offers", "Novedades de producto y ofertas"),
      EmailTopic.EVENTS, List.of("Events and webinars", "Eventos y webinars"));

  private static final Map<EmailFrequency, List<String>> FREQUENCIES = Map.of(
      EmailFrequency.AS_PUBLISHED, List.of("Whenever there is something new", "Cuando haya algo nuevo"),
      EmailFrequency.WEEKLY, List.of("At most once a week", "Como mucho una vez por semana"),
      EmailFrequency.MONTHLY, List.of("At most once a month", "Como mucho una vez al mes"));

  private PreferencePages() {}

  /**
   * @param offered the topics the catalogue has content of, in order
   * @param saved whether the page answers a save (a line says the choices are kept)
   */
  static String page(Language language, String sender, String email, String action, Collection<EmailTopic> offered,
      Collection<EmailTopic> kept, EmailFrequency frequency, boolean saved) {
    boolean es = language == Language.ES;
    int i = es ? 1 : 0;
    StringBuilder body = new StringBuilder();
    if (saved) {
      body.append("<p id=\"saved\" style=\"color:#166534;\"><strong>")
          .append(esc(es ? "Sus preferencias se han guardado." : "Your choices are saved.")).append("</strong></p>\n");
    }
    body.append("<p>").append(esc(es ? "Elija qué correos de " + sender + " recibe en " : "Choose which emails from " + sender
        + " you receive at ")).append("<strong>").append(esc(UnsubscribePages.mask(email))).append("</strong>.</p>\n");
    body.append("<form method=\"post\" action=\"").append(esc(action)).append("\">\n");
    body.append("<input type=\"hidden\" name=\"action\" value=\"save\">\n");
    body.append("<fieldset style=\"border:0; padding:0;\"><legend><strong>").append(esc(es ? "Temas" : "Topics"))
        .append("</strong></legend>\n");
    for (EmailTopic topic : offered) {
      String id = "topic-" + topic.name();
      body.append("<p><input type=\"checkbox\" name=\"topic\" id=\"").append(id).append("\" value=\"").append(topic.name())
          .append("\"").append(kept.contains(topic) ? " checked" : "").append("> <label for=\"").append(id).append("\">")
          .append(esc(TOPICS.get(topic).get(i))).append("</label></p>\n");
    }
    body.append("</fieldset>\n<fieldset style=\"border:0; padding:0;\"><legend><strong>")
        .append(esc(es ? "Frecuencia" : "How often")).append("</strong></legend>\n");
    for (EmailFrequency option : EmailFrequency.values()) {
      String id = "frequency-" + option.name();
      body.append("<p><input type=\"radio\" name=\"frequency\" id=\"").append(id).append("\" value=\"").append(option.name())
          .append("\"").append(option == frequency ? " checked" : "").append("> <label for=\"").append(id).append("\">")
          .append(esc(FREQUENCIES.get(option).get(i))).append("</label></p>\n");
    }
    body.append("</fieldset>\n<button type=\"submit\" id=\"save\" style=\"font-size: 1em; padding: 0.6em 1.2em;\">")
        .append(esc(es ? "Guardar" : "Save")).append("</button>\n</form>\n");
    body.append("<form method=\"post\" action=\"").append(esc(action)).append("\" style=\"margin-top: 2em;\">\n")
        .append("<input type=\"hidden\" name=\"action\" value=\"unsubscribe\">\n")
        .append("<button type=\"submit\" id=\"unsubscribe-all\" style=\"font-size: 0.9em; padding: 0.4em 1em;\">")
        .append(esc(es ? "Darme de baja de todo" : "Unsubscribe from all")).append("</button>\n</form>\n");
    return html(es ? "es" : "en", es ? "Sus preferencias de correo" : "Your email preferences", body.toString());
  }

  /** The double opt-in's confirmation link: one button that posts to the same link (a GET confirms nothing). */
  static String confirmation(Language language, String sender, String email, String action) {
    boolean es = language == Language.ES;
    String body = "<p>" + esc(es ? "Pulse el botón para confirmar que quiere recibir correos de " + sender + " en "
        : "Press the button to confirm that you want emails from " + sender + " at ")
        + "<strong>" + esc(UnsubscribePages.mask(email)) + "</strong>.</p>\n"
        + "<form method=\"post\" action=\"" + esc(action) + "\">\n"
        + "<button type=\"submit\" id=\"confirm\" style=\"font-size: 1em; padding: 0.6em 1.2em;\">"
        + esc(es ? "Confirmar" : "Confirm") + "</button>\n</form>\n";
    return html(es ? "es" : "en", es ? "Confirme su suscripción" : "Confirm your subscription", body);
  }

  /** After confirming (or when there is nothing to confirm any more). */
  static String confirmed(Language language, String sender, boolean confirmed) {
    boolean es = language == Language.ES;
    if (confirmed) {
      return html(es ? "es" : "en", es ? "Suscripción confirmada" : "You are subscribed",
          "<p>" + esc(es ? "Gracias: " + sender + " le enviará lo que pidió." : "Thank you: " + sender + " will send you what you asked for.") + "</p>\n");
    }
    return html(es ? "es" : "en", es ? "Nada que confirmar" : "Nothing to confirm",
        "<p>" + esc(es ? "Esta suscripción ya está confirmada o ha caducado." : "This subscription is confirmed already, or has expired.")
            + "</p>\n");
  }
}
