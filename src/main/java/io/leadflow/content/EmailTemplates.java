package io.leadflow.content;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The email subject and body of a catalogue item are Mustache templates (JMustache), plain text.
 * They may use only the variables delivery fills in; partials and template inheritance are not
 * supported, as the catalogue has nothing to include.
 */
public final class EmailTemplates {

  /** What delivery fills in: the lead's names and company (any may be missing) and the item's title and (tracked) link. */
  public static final List<String> VARIABLES = List.of("firstName", "lastName", "company", "title", "url");

  /** The current value inside a section ({@code {{#firstName}}{{.}}{{/firstName}}}). */
  private static final Set<String> SECTION_VALUE = Set.of(".", "this");

  private EmailTemplates() {}

  /** Why {@code template} is not a usable email template; empty when it is. */
  public static Optional<String> problemWith(String template) {
    Template compiled;
    try {
      compiled = Mustache.compiler().compile(template);
    } catch (MustacheException e) {
      return Optional.of("is not a valid Mustache template: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    compiled.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {}

      @Override
      public void visitVariable(String name) {
        check(name);
      }

      @Override
      public boolean visitSection(String name) {
        check(name);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        check(name);
        return true;
      }

      @Override
      public boolean visitInclude(String name) {
        problems.add("includes the partial {{>" + name + "}}: partials are not supported");
        return false;
      }

      @Override
      public boolean visitParent(String name) {
        problems.add("extends {{<" + name + "}}: template inheritance is not supported");
        return false;
      }

      @Override
      public boolean visitBlock(String name) {
        problems.add("has the block {{$" + name + "}}: template inheritance is not supported");
        return false;
      }

      private void check(String name) {
        if (!VARIABLES.contains(name) && !SECTION_VALUE.contains(name)) {
          problems.add("uses {{" + name + "}}, which is not a template variable: use " + String.join(", ", VARIABLES));
        }
      }
    });
    return problems.stream().distinct().reduce((first, second) -> first + "; " + second);
  }
}
