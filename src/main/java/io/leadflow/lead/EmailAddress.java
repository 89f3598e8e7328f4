package io.leadflow.lead;

import com.ibm.icu.text.IDNA;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides what an email address is: the canonical form leads are stored,
 * found (capture, import, interactions by {@code email}) and emailed by.
 *
 * <ul>
 *   <li>invisible characters anywhere (zero-width spaces and joiners, byte order marks, soft
 *       hyphens, direction marks: Unicode's "format" characters) are removed, and spaces of any
 *       kind (the no-break space of copy-paste included) around it;
 *   <li>the domain is in its ASCII form (IDNA, UTS #46 non-transitional, as browsers do):
 *       {@code bücher.example} and {@code xn--bcher-kva.example} are one domain;
 *   <li>the local part is NFC-normalised and, like the domain, lower case (one lead per email,
 *       case-insensitively);
 *   <li>it must be what SMTP can carry: a dot-atom local part (letters, digits and
 *       {@code !#$%&'*+/=?^_`{|}~-}, dots between them; or Unicode letters, which need a mail
 *       server that offers SMTPUTF8), at most 64 bytes, a domain of at least two labels, at most
 *       254 bytes in all. Quoted local parts, comments and IP-literal domains are refused.
 * </ul>
 */
public final class EmailAddress {

  private static final IDNA IDNA_UTS46 = IDNA.getUTS46Instance(
      IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ
          | IDNA.USE_STD3_RULES);

  /** RFC 5322 atext, and (RFC 6531) any non-ASCII letter, mark or digit. */
  private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\p{L}\\p{M}\\p{N}]+");

  private EmailAddress() {}

  /**
   * An address read: its canonical form, or why it is not an address.
   *
   * @param canonical null when {@code problem} is set
   * @param unicodeLocalPart whether its local part has non-ASCII characters (sendable only with SMTPUTF8)
   */
  public record Parsed(String canonical, boolean unicodeLocalPart, String problem) {

    public boolean valid() {
      return problem == null;
    }
  }

  /** The canonical form, or what was sent (trimmed) when it is no address: it then matches no lead. Null when blank. */
  public static String canonical(String raw) {
    Parsed parsed = parse(raw);
    return parsed.valid() ? parsed.canonical() : stripped(raw);
  }

  /** Reads an address as typed or pasted. Null or blank is "is required". */
  public static Parsed parse(String raw) {
    String value = stripped(raw);
    if (value == null) {
      return invalid("is required");
    }
    if (TextRules.hasControlCharacter(value)) {
      return invalid("must not contain control characters");
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      return invalid("must be a well-formed email address, such as jane.doe@example.com");
    }
    String local = Normalizer.normalize(value.substring(0, at), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    String domain = value.substring(at + 1);
    if (local.startsWith("\"")) {
      return invalid("must not have a quoted local part (before the @)");
    }
    if (!dotAtom(local)) {
      return invalid("must be a well-formed email address: the part before the @ may have letters, digits, dots"
          + " (not first, last or twice in a row) and !#$%&'*+/=?^_`{|}~-");
    }
    if (local.getBytes(StandardCharsets.UTF_8).length > 64) {
      return invalid("must have at most 64 bytes before the @");
    }
    if (domain.startsWith("[")) {
      return invalid("must have a domain name, not an IP address");
    }
    StringBuilder ascii = new StringBuilder();
    IDNA.Info info = new IDNA.Info();
    IDNA_UTS46.nameToASCII(domain, ascii, info);
    if (info.hasErrors()) {
      return invalid("must have a valid domain name: '" + domain + "' is not one (IDNA: " + info.getErrors() + ")");
    }
    String asciiDomain = ascii.toString().toLowerCase(Locale.ROOT);
    if (asciiDomain.endsWith(".")) {
      asciiDomain = asciiDomain.substring(0, asciiDomain.length() - 1);
    }
    if (!asciiDomain.contains(".") || asciiDomain.startsWith(".")) {
      return invalid("must have a domain name with a dot, such as example.com");
    }
    String canonical = local + "@" + asciiDomain;
    if (canonical.getBytes(StandardCharsets.UTF_8).length > 254) {
      return invalid("must have at most 254 bytes");
    }
    boolean unicode = !local.chars().allMatch(c -> c < 0x80);
    return new Parsed(canonical, unicode, null);
  }

  private static boolean dotAtom(String local) {
    if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (String atom : local.split("\\.")) {
      if (!ATOM.matcher(atom).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Without invisible (format) characters anywhere and without space of any kind around it; null when nothing is left. */
  private static String stripped(String raw) {
    if (raw == null) {
      return null;
    }
    return TextRules.clean(TextRules.withoutInvisibles(raw));
  }

  private static Parsed invalid(String problem) {
    return new Parsed(null, false, problem);
  }
}
