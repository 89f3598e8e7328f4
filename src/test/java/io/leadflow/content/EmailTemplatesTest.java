package io.leadflow.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What marketing may write in an email subject or body. */
class EmailTemplatesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "A plain subject",
    "{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}} see {{title}}: {{url}}",
    "{{#company}}for {{.}}{{/company}} {{lastName}}",
    "{{{company}}} and {{&title}} {{! a note for marketing }}",
    "{{=<% %>=}}<% title %> at <% url %>",
  })
  void aTemplateWithTheDeliveryVariablesIsUsable(String template) {
    assertThat(EmailTemplates.problemWith(template)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {{#firstName}}Hi                 | is not a valid Mustache template: Section missing close tag 'firstName' @ line 1
      Hi{{/firstName}}                 | is not a valid Mustache template: Section close tag with no open tag 'firstName' @ line 1
      Hi {{frstName}}                  | uses {{frstName}}, which is not a template variable: use firstName, lastName, company, title, url
      {{#lead}}{{email}}{{/lead}}      | uses {{lead}}, which is not a template variable: use firstName, lastName, company, title, url; uses {{email}}, which is not a template variable: use firstName, lastName, company, title, url
      {{^jobTitle}}Hello{{/jobTitle}}  | uses {{jobTitle}}, which is not a template variable: use firstName, lastName, company, title, url
      {{> footer}}                     | includes the partial {{>footer}}: partials are not supported
      """)
  void aTemplateDeliveryCannotFillSaysWhy(String template, String problem) {
    assertThat(EmailTemplates.problemWith(template)).contains(problem);
  }
}
