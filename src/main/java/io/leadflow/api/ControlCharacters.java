package io.leadflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text that enters Leadflow holds no control characters: none of C0 (U+0000 to U+001F) except tab,
 * line feed and carriage return. NUL in particular: PostgreSQL cannot store it in text, so it used
 * to fail the request in the middle, with a 500 that quoted the SQL and the person's data (issue 17).
 * It is bad input, refused before anything is stored, naming the field and never echoing the value.
 *
 * <p>Every {@code String} read from a JSON body through Spring's {@code ObjectMapper} is checked
 * (leads, content, call requests, each CSV cell, since cells are read as a lead's JSON); free-form
 * JSON (an interaction's {@code details}) is checked with {@link #find(JsonNode)}.
 */
@Configuration(proxyBeanMethods = false)
public class ControlCharacters {

  static final String WHY = "contains a control character (%s at position %d); only tab, line feed and carriage "
      + "return are accepted in text";

  /** Every JSON string Spring MVC reads into a {@code String} is checked (Spring Boot adds Module beans). */
  @Bean
  Module refuseControlCharacters() {
    return new SimpleModule("leadflow-control-characters").addDeserializer(String.class, new CheckedText());
  }

  /** Why {@code text} is refused, or empty when it holds no forbidden control character. */
  public static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of(WHY.formatted(String.format("U+%04X", (int) c), i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * The first field of free-form JSON whose name or text holds a control character, named as
   * {@link JsonFieldProblems} names fields ({@code details.url}, {@code tags[2]}).
   */
  public static Optional<FieldProblem> find(JsonNode node) {
    return find(node, "");
  }

  private static Optional<FieldProblem> find(JsonNode node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return problem(node.textValue()).map(why -> new FieldProblem(path.isEmpty() ? "body" : path, why));
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<FieldProblem> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Optional<String> badName = problem(field.getKey());
        if (badName.isPresent()) {
          return Optional.of(new FieldProblem(path.isEmpty() ? "body" : path, "has a field name that " + badName.get()));
        }
        Optional<FieldProblem> found = find(field.getValue(), name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** A JSON string with a control character: Jackson adds the field's path on its way out. */
  public static final class ControlCharacterInText extends JsonMappingException {
    ControlCharacterInText(JsonParser parser, String why) {
      super(parser, why);
    }
  }

  /** Jackson's own String reading, then the check. */
  private static final class CheckedText extends StdScalarDeserializer<String> {

    CheckedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      Optional<String> why = problem(text);
      if (why.isPresent()) {
        throw new ControlCharacterInText(parser, why.get());
      }
      return text;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
      return "";
    }
  }
}
