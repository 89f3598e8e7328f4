package io.leadflow.delivery;

import io.leadflow.LeadflowProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The signed links of a delivery's email: click, open pixel, unsubscribe, preference centre,
 * confirmation (double opt-in), the link hidden from people. A link's token is
 * {@code <delivery id>.<signature>}, the signature being HMAC-SHA256 over
 * {@code <kind>:<delivery id>} keyed by {@code leadflow.tracking.secret}, base64url without
 * padding. So a token names one delivery and one kind of link: nobody can make one for another
 * delivery, or turn a click link into an unsubscribe link.
 */
@Component
public class TrackingLinks {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern DELIVERY_ID = Pattern.compile("[0-9a-fA-F-]{1,36}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** The kinds of link; each is signed for itself. */
  public enum Kind {
    CLICK("c"),
    OPEN("o"),
    UNSUBSCRIBE("u"),
    PREFERENCES("p"),
    CONFIRM("k"),
    /** The link hidden from people in every email: only machines follow it. */
    HIDDEN("h");

    private final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  private final SecretKeySpec key;
  private final String baseUrl;

  TrackingLinks(DeliveryProperties delivery, LeadflowProperties leadflow) {
    this.key = new SecretKeySpec(delivery.tracking().secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.baseUrl = leadflow.publicBaseUrl().replaceAll("/+$", "");
  }

  public String clickUrl(String deliveryId) {
    return baseUrl + "/t/c/" + token(deliveryId, Kind.CLICK);
  }

  public String openPixelUrl(String deliveryId) {
    return baseUrl + "/t/o/" + token(deliveryId, Kind.OPEN) + ".gif";
  }

  /** A link every email carries where people cannot see it (a honeypot): a request of it is a machine's. */
  public String hiddenLinkUrl(String deliveryId) {
    return hiddenLinkPage() + "/" + token(deliveryId, Kind.HIDDEN);
  }

  /** The hidden links' address without the token: the URL their clicks are recorded with. */
  public String hiddenLinkPage() {
    return baseUrl + "/t/h";
  }

  public String unsubscribeUrl(String deliveryId) {
    return baseUrl + "/t/u/" + token(deliveryId, Kind.UNSUBSCRIBE);
  }

  /** The preference centre of the email's lead (signed for this delivery, as the unsubscribe link). */
  public String preferencesUrl(String deliveryId) {
    return baseUrl + "/t/p/" + token(deliveryId, Kind.PREFERENCES);
  }

  /** The double opt-in's confirmation link of a confirmation request. */
  public String confirmUrl(String deliveryId) {
    return baseUrl + "/t/k/" + token(deliveryId, Kind.CONFIRM);
  }

  /** {@code <delivery id>.<signature>} */
  public String token(String deliveryId, Kind kind) {
    return deliveryId + "." + signature(deliveryId, kind);
  }

  /**
   * The delivery id a token names, if it is well-formed and signed for this kind of link; empty
   * for anything else (tampered, malformed, signed for another kind or with another secret).
   */
  public Optional<String> deliveryId(String token, Kind kind) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String deliveryId = token.substring(0, dot);
    String signature = token.substring(dot + 1);
    if (!DELIVERY_ID.matcher(deliveryId).matches() || !SIGNATURE.matcher(signature).matches()) {
      return Optional.empty();
    }
    // compared as text, in constant time: decoding first would accept variants of the last
    // character that differ only in its unused bits
    byte[] expected = signature(deliveryId, kind).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
        ? Optional.of(deliveryId)
        : Optional.empty();
  }

  private String signature(String deliveryId, Kind kind) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((kind.code + ":" + deliveryId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
