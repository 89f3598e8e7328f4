package io.leadflow.content;

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

/** A Mustache template an email can be made from ({@link EmailTemplates}); null counts as valid. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = EmailTemplate.Validator.class)
public @interface EmailTemplate {

  String message() default "must be a Mustache template";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<EmailTemplate, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      return EmailTemplates.problemWith(value)
          .map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(problem)).addConstraintViolation();
            return false;
          })
          .orElse(true);
    }

    /** The message as it is: Bean Validation would read {...} and ${...} in it as parameters. */
    private static String literal(String message) {
      return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }
}
