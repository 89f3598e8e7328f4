package io.leadflow.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrations' API tokens: issued by an administrator, shown once, stored as a hash, revocable.
 * A token reads {@code lf_<id>.<secret>}: the id finds its row (no hash is computed for a token
 * that names none), the secret (32 random bytes, base64url) is checked against the stored hash.
 *
 * <p>The hash is BCrypt at its lowest cost (4, about a millisecond), through Spring Security's
 * delegating encoder (so a stored hash names its scheme and a stronger one can follow). A token
 * has 256 random bits: nobody can guess it, and a slow hash, which protects passwords people
 * choose, would protect nothing more here while costing every API request. The hash keeps a
 * reader of the database (or of a backup) from using the tokens.
 *
 * <p>Checking a token is not Camunda's password check: it has no per-user login delay, so no one
 * can lock an integration out by failing on its behalf (failed attempts are limited per client
 * address instead, {@link FailedLoginLimit}).
 */
@Service
class IntegrationTokens {

  static final String PREFIX = "lf_";
  private static final Pattern TOKEN =
      Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IntegrationTokenRepository tokens;
  private final PasswordEncoder hashes =
      new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4, RANDOM)));
  private final Clock clock;

  IntegrationTokens(IntegrationTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A new token and the one moment its text is known. */
  record Issued(IntegrationToken token, String text) {}

  @Transactional
  Issued issue(String name, String issuedBy) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    IntegrationToken token = tokens.save(new IntegrationToken(name, hashes.encode(secret), issuedBy, clock.instant()));
    return new Issued(token, PREFIX + token.getId() + "." + secret);
  }

  @Transactional(readOnly = true)
  List<IntegrationToken> all() {
    return tokens.findAllByOrderByCreatedAtDescIdDesc();
  }

  /** Revokes the token (at once, on every node: each request reads it); empty when there is none with this id. */
  @Transactional
  Optional<IntegrationToken> revoke(String id) {
    Optional<IntegrationToken> token = tokens.findById(id);
    token.ifPresent(found -> found.revoke(clock.instant()));
    return token;
  }

  /** The active token this text is, its use recorded; empty for anything else (malformed, unknown, wrong secret, revoked). */
  @Transactional
  Optional<IntegrationToken> authenticate(String text) {
    Matcher matcher = text == null ? null : TOKEN.matcher(text);
    if (matcher == null || !matcher.matches()) {
      return Optional.empty();
    }
    Optional<IntegrationToken> token = tokens.findById(matcher.group(1))
        .filter(found -> !found.isRevoked())
        .filter(found -> hashes.matches(matcher.group(2), found.getSecretHash()));
    Instant now = clock.instant();
    token.filter(found -> found.lastUseIsOlderThan(now)).ifPresent(found -> tokens.used(found.getId(), now));
    return token;
  }
}
