package io.leadflow.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns what Jackson could not read into the field it concerns and a sentence about it. */
public final class JsonFieldProblems {

  private JsonFieldProblems() {}

  public static FieldProblem of(JsonMappingException e) {
    String field =
        e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    if (e instanceof ControlCharacters.ControlCharacterInText) {
      return new FieldProblem(field.isEmpty() ? "body" : field, e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException) {
      return new FieldProblem(field, "is not a known field");
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldProblem(field, expected(mismatch.getTargetType(), e));
    }
    return new FieldProblem(field.isEmpty() ? "body" : field, "cannot be read: " + e.getOriginalMessage());
  }

  /** For a body that is not JSON at all. */
  public static FieldProblem of(JsonParseException e) {
    return new FieldProblem("body", "is not valid JSON: " + e.getOriginalMessage());
  }

  private static String expected(Class<?> type, JsonMappingException e) {
    String value = e instanceof InvalidFormatException invalid ? " (got '" + invalid.getValue() + "')" : "";
    if (type.isEnum()) {
      return "must be one of " + Arrays.toString(type.getEnumConstants()) + value;
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "must be a whole number" + value;
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false" + value;
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return Timestamp.RULE + value;
    }
    if (type == String.class) {
      return "must be a string" + value;
    }
    return "must be a " + type.getSimpleName() + value;
  }
}
