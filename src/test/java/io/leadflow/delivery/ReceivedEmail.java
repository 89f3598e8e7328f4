package io.leadflow.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** An email as the mail server received it: headers, the text and HTML parts, the tracking links. */
record ReceivedEmail(MimeMessage message) {

  private static final Pattern TRACKING_PATH = Pattern.compile("https://leadflow\\.test(/t/[couph]/[A-Za-z0-9._-]+)");

  String subject() throws MessagingException {
    return message.getSubject();
  }

  InternetAddress from() throws MessagingException {
    return (InternetAddress) message.getFrom()[0];
  }

  InternetAddress to() throws MessagingException {
    return (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
  }

  String header(String name) throws MessagingException {
    return message.getHeader(name, ",");
  }

  MimeMultipart parts() throws MessagingException, IOException {
    return (MimeMultipart) message.getContent();
  }

  String text() throws MessagingException, IOException {
    return part("text/plain");
  }

  String html() throws MessagingException, IOException {
    return part("text/html");
  }

  /** The path of every tracking link in the text and HTML parts, e.g. {@code /t/c/<token>}, in order. */
  List<String> trackingPaths() throws MessagingException, IOException {
    List<String> paths = new ArrayList<>();
    Matcher matcher = TRACKING_PATH.matcher(text() + "\n" + html());
    while (matcher.find()) {
      paths.add(matcher.group(1));
    }
    return paths;
  }

  String clickPath() throws MessagingException, IOException {
    return first("/t/c/");
  }

  String openPixelPath() throws MessagingException, IOException {
    return first("/t/o/");
  }

  String preferencesPath() throws MessagingException, IOException {
    return first("/t/p/");
  }

  /** The link hidden from people (only in the HTML part). */
  String hiddenLinkPath() throws MessagingException, IOException {
    return first("/t/h/");
  }

  String unsubscribePath() throws MessagingException, IOException {
    return first("/t/u/");
  }

  private String first(String prefix) throws MessagingException, IOException {
    return trackingPaths().stream().filter(path -> path.startsWith(prefix)).findFirst().orElseThrow();
  }

  private String part(String type) throws MessagingException, IOException {
    MimeMultipart parts = parts();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }
}
