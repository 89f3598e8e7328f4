package io.leadflow.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * A campaign as marketing writes it ({@code POST /api/campaigns}, {@code PUT /api/campaigns/{key}}):
 * text trimmed, currencies upper-cased; what is left out is empty (a PUT replaces the whole
 * campaign, its costs included).
 */
public record CampaignRequest(
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}", message = "must be 1 to 100 characters A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit")
        String key,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 50) String channel,
    LocalDate startsOn,
    LocalDate endsOn,
    @Size(max = 1000) List<@NotNull @Valid Cost> costs) {

  /** What the campaign cost on a day. */
  public record Cost(
      @NotNull LocalDate on,
      @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, such as EUR") String currency) {

    public Cost {
      currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
    }

    @AssertTrue(message = "must be an ISO 4217 currency code, such as EUR")
    boolean isKnownCurrency() {
      if (currency == null || !currency.matches("[A-Z]{3}")) {
        return true; // reported by @Pattern
      }
      try {
        Currency.getInstance(currency);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }

  public CampaignRequest {
    key = clean(key);
    name = clean(name);
    channel = clean(channel);
    costs = costs == null ? List.of() : costs;
  }

  @AssertTrue(message = "must not be before startsOn")
  boolean isEndsOnAfterStart() {
    return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
