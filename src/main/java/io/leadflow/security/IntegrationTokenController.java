package io.leadflow.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.api.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/integrations/tokens} (administrators only, see {@link WebSecurity}): issue a token
 * for an integration (its text is in this answer and nowhere else, ever), list them with their
 * last use, revoke one.
 */
@RestController
@RequestMapping("/api/integrations/tokens")
class IntegrationTokenController {

  private final IntegrationTokens tokens;

  IntegrationTokenController(IntegrationTokens tokens) {
    this.tokens = tokens;
  }

  /** What an administrator names a token by: the integration it is for. */
  record TokenRequest(
      @NotBlank @Size(max = 80) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
      String name) {}

  /** A token as listed: never its secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TokenView(String id, String name, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt,
      String token) {

    static TokenView of(IntegrationToken token) {
      return new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getCreatedBy(),
          token.getLastUsedAt(), token.getRevokedAt(), null);
    }
  }

  @PostMapping
  ResponseEntity<TokenView> issue(@Valid @RequestBody TokenRequest request, Principal administrator) {
    IntegrationTokens.Issued issued = tokens.issue(request.name().trim(), administrator.getName());
    IntegrationToken token = issued.token();
    return ResponseEntity.created(URI.create("/api/integrations/tokens/" + token.getId()))
        .body(new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getCreatedBy(), null, null,
            issued.text()));
  }

  /** Every token, newest first, revoked ones with {@code revokedAt}. */
  @GetMapping
  List<TokenView> list() {
    return tokens.all().stream().map(TokenView::of).toList();
  }

  /** Revokes the token: from the next request on it is refused (401). Revoking it again changes nothing. */
  @DeleteMapping("/{id}")
  @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
  void revoke(@PathVariable String id) {
    tokens.revoke(id).orElseThrow(() -> new NotFound("integration token", id));
  }
}
