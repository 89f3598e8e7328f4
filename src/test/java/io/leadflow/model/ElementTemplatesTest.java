package io.leadflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Modeler element templates in {@code element-templates/}: each file is valid against
 * the Camunda 7 element templates schema (the npm package Camunda Modeler uses, fetched by the
 * build into target/element-templates-schema), and every delegate a model in {@code bpmn/} uses
 * has a template, so a designer picks "Send personalised welcome" instead of typing a bean name.
 */
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of("element-templates");
  private static final Path SCHEMA = Path.of("target/element-templates-schema/package/resources/schema.json");
  private static final Pattern DELEGATE = Pattern.compile("<bpmn:serviceTask [^>]*camunda:delegateExpression=\"(\\$\\{[A-Za-z]+})\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTemplateFileIsValidAgainstCamundaSevensElementTemplatesSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    List<Path> files = templateFiles();
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Set<ValidationMessage> problems = schema.validate(JSON.readTree(file.toFile()));
      assertThat(problems).as(file + " against the element templates schema").isEmpty();
    }
  }

  @Test
  void theSchemaRefusesATemplateThatIsNotOne() throws IOException {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode broken = JSON.readTree("""
        [{"name": "No id, no properties", "appliesTo": ["bpmn:ServiceTask"]}]""");

    assertThat(schema.validate(broken)).as("the check can fail").isNotEmpty();
  }

  @Test
  void everyDelegateTheModelsUseHasATemplate() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher delegate = DELEGATE.matcher(Files.readString(model));
        while (delegate.find()) {
          used.add(delegate.group(1));
        }
      }
    }
    Set<String> templated = new TreeSet<>();
    for (Path file : templateFiles()) {
      for (JsonNode template : JSON.readTree(file.toFile())) {
        for (JsonNode property : template.get("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            templated.add(property.get("value").asText());
          }
        }
      }
    }

    assertThat(used).as("delegates in bpmn/").isNotEmpty();
    assertThat(templated).containsAll(used);
  }

  private static List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return new ArrayList<>(files.filter(path -> path.toString().endsWith(".json")).sorted().toList());
    }
  }
}
