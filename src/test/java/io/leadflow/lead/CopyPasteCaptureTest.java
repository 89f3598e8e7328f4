package io.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11: addresses and names as copy-paste and other tools deliver them, captured through the API. */
@LeadflowTest
class CopyPasteCaptureTest {

  @LocalServerPort int port;

  Api marketing;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void anInternationalisedDomainIsOneLeadInItsAsciiForm() {
    String run = run();
    Api.Response unicode = marketing.postJson("/api/leads", "{\"email\": \"jose." + run + "@bücher.example\"}");
    Api.Response ascii = marketing.postJson("/api/leads", "{\"email\": \"Jose." + run + "@XN--BCHER-KVA.example\"}");

    assertThat(unicode.status()).as(unicode.toString()).isEqualTo(201);
    assertThat(ascii.status()).as("the same lead: " + ascii).isEqualTo(200);
    assertThat(ascii.json().get("id").asText()).isEqualTo(unicode.json().get("id").asText());
    assertThat(unicode.json().get("email").asText()).isEqualTo("jose." + run + "@xn--bcher-kva.example");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a no-break space after it  | NAME@example.com\\u00a0
      a zero-width space after it | NAME@example.com\\u200b
      a byte order mark before it | \\ufeffNAME@example.com
      a word joiner before the @  | NAME\\u2060@example.com
      """)
  void invisibleCharactersAreRemovedSoItIsTheSameLeadAsWithoutThem(String why, String pasted) {
    String name = "paste." + run();
    Api.Response clean = marketing.postJson("/api/leads", "{\"email\": \"" + name + "@example.com\"}");
    Api.Response dirty = marketing.postJson("/api/leads", "{\"email\": \"" + pasted.replace("NAME", name) + "\"}");

    assertThat(clean.status()).isEqualTo(201);
    assertThat(dirty.status()).as(dirty.toString()).isEqualTo(200);
    assertThat(dirty.json().get("id").asText()).isEqualTo(clean.json().get("id").asText());
    assertThat(dirty.json().get("email").asText()).isEqualTo(name + "@example.com");
    assertThat(dirty.json().get("emailable").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jane doe@example.com", "jane..doe@example.com", "\\\"jane\\\"@example.com",
      "jane@exa_mple.com", "jane@[127.0.0.1]", "jane@localhost", "jane@-bücher.example", "ja\\u0000ne@example.com"})
  void anAddressTheMailSenderCannotSendIsRefusedAtCapture(String email) {
    Api.Response response = marketing.postJson("/api/leads", "{\"email\": \"" + email + "\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("email");
  }

  @Test
  void aNameOfOnlyANoBreakSpaceIsBlank() {
    Api.Response response = marketing.postJson("/api/leads",
        "{\"email\": \"nbsp." + run() + "@example.com\", \"firstName\": \"\\u00a0\", \"lastName\": \"\\u00a0Núñez\\u202f\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().has("firstName")).as("blank, so not shown").isFalse();
    assertThat(response.json().get("lastName").asText()).isEqualTo("Núñez");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(textBlock = """
      UK,             GB
      EL,             GR
      United Kingdom, GB
      España,         ES
      espana,         ES
      Reino Unido,    GB
      Deutschland,    DE
      USA,            US
      de,             DE
      DEU,            DE
      """)
  void countryAliasesAndNamesResolveToIsoCodes(String country, String code) {
    Api.Response response = marketing.postJson("/api/leads",
        "{\"email\": \"country." + run() + "@example.com\", \"country\": \"" + country + "\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().get("country").asText()).isEqualTo(code);
  }

  @Test
  void anUnknownCountryIsStillA400NamingTheField() {
    Api.Response response = marketing.postJson("/api/leads",
        "{\"email\": \"country." + run() + "@example.com\", \"country\": \"Narnia\"}");

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("country");
    assertThat(error.get("message").asText()).contains("ISO 3166-1");
  }

  @Test
  void namesWithMarkupStayTextAsSent() {
    Api.Response response = marketing.postJson("/api/leads",
        "{\"email\": \"markup." + run() + "@example.com\", \"firstName\": \"<b>Ana</b>\", \"company\": \"Müller & Söhne\"}");

    assertThat(response.status()).isEqualTo(201);
    JsonNode lead = marketing.get("/api/leads/" + response.json().get("id").asText()).json();
    assertThat(lead.get("firstName").asText()).isEqualTo("<b>Ana</b>");
    assertThat(lead.get("company").asText()).isEqualTo("Müller & Söhne");
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
