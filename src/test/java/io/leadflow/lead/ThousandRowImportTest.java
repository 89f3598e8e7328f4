package io.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11's "done when": a real-looking 1,000-row spreadsheet, as Excel saves it in a Spanish
 * locale (semicolons, Windows-1252, Spanish headers, accents), then the same rows as "CSV UTF-8"
 * (with BOM, commas, English export headers) and as .xlsx; every row is checked after each. Small
 * companies, so the leads stay in nurturing and add no sales tasks to what other tests see.
 */
@LeadflowTest
class ThousandRowImportTest {

  static final String[] FIRST = {"José", "Zoë", "François", "Jürgen", "Ågot", "Iñaki", "Björn", "Chloé", "Søren", "Inês"};
  static final String[] LAST = {"Núñez", "Müller", "Gonçalves", "Ødegård", "Lefèvre", "Straße", "Peña", "Sánchez", "Öztürk", "García"};
  static final String[] COUNTRY = {"España", "Deutschland", "UK", "FR", "Reino Unido", "Portugal", "EL", "Österreich", "ES", "México"};
  static final String[] CODE = {"ES", "DE", "GB", "FR", "GB", "PT", "GR", "AT", "ES", "MX"};

  @LocalServerPort int port;
  @Autowired Leads leads;

  record Person(String email, String first, String last, String company, int size, String country, String code) {}

  @Test
  void aThousandRowsInThreeFormatsAreEachImportedRowByRow() throws IOException {
    Api marketing = Api.at(port).as("mia", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      people.add(new Person("lead" + i + "." + run + "@empresa-" + (i % 37) + ".example", FIRST[i % 10], LAST[(i / 10) % 10],
          "Compañía " + i + "; S.L.", 1 + i % 9, COUNTRY[i % 10], CODE[i % 10]));
    }

    StringBuilder ansi = new StringBuilder("Correo electrónico;Nombre;Apellidos;Empresa;Empleados;País;Consentimiento;Origen del consentimiento;\r\n");
    for (Person p : people) {
      ansi.append(String.join(";", p.email(), p.first(), p.last(), "\"" + p.company() + "\"", String.valueOf(p.size()),
          p.country(), "true", "Feria ansi-" + run, "")).append("\r\n");
    }
    ansi.append(";;;;;;;\r\n");
    check(marketing.post("/api/leads/import", "text/csv", ansi.toString().getBytes(SpreadsheetImportTest.WINDOWS_1252)),
        1000, 0, people, "Feria ansi-" + run);

    StringBuilder bom = new StringBuilder("\uFEFF\"Email Address\",\"First Name\",\"Last Name\",\"Company Name\",\"Employees\",\"Country\",\"Consent\",\"Consent Source\"\r\n");
    for (Person p : people) {
      bom.append(String.join(",", p.email(), p.first(), p.last(), "\"" + p.company() + "\"", String.valueOf(p.size()),
          p.country(), "true", "Feria bom-" + run)).append("\r\n");
    }
    check(marketing.post("/api/leads/import", "text/csv", bom.toString().getBytes(StandardCharsets.UTF_8)),
        0, 1000, people, "Feria bom-" + run);

    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("E-mail", "First name", "Last name", "Company", "Number of employees", "Country", "Opt-in", "Opt-in source"));
    for (Person p : people) {
      rows.add(List.of(p.email(), p.first(), p.last(), p.company(), p.size(), p.country(), true, "Feria xlsx-" + run));
    }
    check(marketing.post("/api/leads/import", SpreadsheetImportTest.XLSX, SpreadsheetImportTest.workbook(rows)),
        0, 1000, people, "Feria xlsx-" + run);
  }

  private void check(Api.Response response, int created, int updated, List<Person> people, String consentSource) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.get("rejected")).as(consentSource).isEmpty();
    assertThat(report.get("created").asInt()).as(consentSource).isEqualTo(created);
    assertThat(report.get("updated").asInt()).as(consentSource).isEqualTo(updated);
    for (Person p : people) {
      Lead lead = leads.findByEmail(p.email()).orElseThrow(() -> new AssertionError(p.email() + " missing after " + consentSource));
      assertThat(List.of(lead.getFirstName(), lead.getLastName(), lead.getCompany(), String.valueOf(lead.getCompanySize()),
          lead.getCountry(), lead.getConsentSource()))
          .as(consentSource + ": " + p.email())
          .containsExactly(p.first(), p.last(), p.company(), String.valueOf(p.size()), p.code(), consentSource);
    }
  }
}
