package io.leadflow.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header
 * followed by the raw body, in the headers {@code X-Twilio-Email-Event-Webhook-Signature} (base64
 * DER) and {@code X-Twilio-Email-Event-Webhook-Timestamp}; the verification key is the base64
 * public key SendGrid shows. The JDK's {@code java.security} verifies; nothing is hand-made.
 */
final class SendGridSignature {

  static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
  static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

  private final PublicKey key;

  private SendGridSignature(PublicKey key) {
    this.key = key;
  }

  /** The verification key as SendGrid shows it (base64 of its X.509 SubjectPublicKeyInfo, optionally as PEM). */
  static SendGridSignature withKey(String base64) {
    String bare = base64.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return new SendGridSignature(KeyFactory.getInstance("EC")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(bare))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("leadflow.delivery-events.sendgrid.public-key is not an EC public key in base64", e);
    }
  }

  /** Whether the signature is SendGrid's over this timestamp and body; false for anything malformed. */
  boolean verifies(String timestamp, byte[] body, String signature) {
    if (timestamp == null || signature == null) {
      return false;
    }
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key);
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      return ecdsa.verify(Base64.getDecoder().decode(signature.trim()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
