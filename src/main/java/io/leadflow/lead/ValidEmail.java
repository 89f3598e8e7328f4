package io.leadflow.lead;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An email address by {@link EmailAddress}'s rules; null and blank count as absent (add {@code @NotBlank}
 * where it is required). With {@code forSending} (the default) it must also be an address the
 * mail sender can deliver to: a Unicode local part only when the mail server offers SMTPUTF8.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidEmail.Validator.class)
public @interface ValidEmail {

  String message() default "must be a well-formed email address";

  /** Whether leads are emailed at it (capture, import), not only found by it (interactions). */
  boolean forSending() default true;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidEmail, String> {

    private final ObjectProvider<UnicodeMailboxes> unicodeMailboxes;
    private boolean forSending;

    /** Outside Spring: no mail sender to ask, so Unicode local parts count as deliverable. */
    public Validator() {
      this(null);
    }

    @Autowired
    public Validator(ObjectProvider<UnicodeMailboxes> unicodeMailboxes) {
      this.unicodeMailboxes = unicodeMailboxes;
    }

    @Override
    public void initialize(ValidEmail annotation) {
      forSending = annotation.forSending();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (EmailAddress.canonical(value) == null) {
        return true; // absent: blank, or only invisible characters
      }
      EmailAddress.Parsed parsed = EmailAddress.parse(value);
      String problem = parsed.problem();
      if (parsed.valid() && parsed.unicodeLocalPart() && forSending && !unicodeDeliverable()) {
        problem = "has letters beyond ASCII before the @, and the mail server does not offer SMTPUTF8 (RFC 6531),"
            + " so no email could reach it";
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
          .addConstraintViolation();
      return false;
    }

    private boolean unicodeDeliverable() {
      UnicodeMailboxes mailboxes = unicodeMailboxes == null ? null : unicodeMailboxes.getIfAvailable();
      // unknown (mail server unreachable now): taken; a send that fails on the address marks the lead INVALID_ADDRESS
      return mailboxes == null || !Boolean.FALSE.equals(mailboxes.deliverable());
    }
  }
}
