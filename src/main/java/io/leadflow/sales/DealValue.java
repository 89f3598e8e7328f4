package io.leadflow.sales;

import io.leadflow.api.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What a won deal is worth: an amount (0 or more, at most 12 digits before the point, rounded to
 * cents) in an ISO 4217 currency; both may be unknown, but an amount needs its currency.
 */
public record DealValue(BigDecimal amount, String currency) {

  public static final DealValue UNKNOWN = new DealValue(null, null);

  private static final BigDecimal MAX = new BigDecimal("999999999999.99");

  public DealValue {
    currency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
    amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * From what a form or a request sent: a number or a numeric string, and a currency code.
   *
   * @throws IllegalArgumentException when the amount is not a number
   */
  public static DealValue of(Object amount, Object currency) {
    BigDecimal value;
    if (amount == null || amount.toString().isBlank()) {
      value = null;
    } else if (amount instanceof BigDecimal decimal) {
      value = decimal;
    } else {
      value = parse(amount.toString());
    }
    return new DealValue(value, currency == null ? null : currency.toString());
  }

  private static BigDecimal parse(String amount) {
    try {
      return new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The deal's amount must be a number (got '" + amount + "')");
    }
  }

  /** What is wrong with it, by field ({@code amount}, {@code currency}); empty when it is valid. */
  public List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX) > 0)) {
      problems.add(new FieldProblem("amount", "must be between 0 and " + MAX.toPlainString()));
    }
    if (currency != null && !isCurrency(currency)) {
      problems.add(new FieldProblem("currency", "must be an ISO 4217 currency code, such as EUR or USD (got '" + currency + "')"));
    }
    if (amount != null && currency == null) {
      problems.add(new FieldProblem("currency", "is required with an amount"));
    }
    return problems;
  }

  private static boolean isCurrency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
