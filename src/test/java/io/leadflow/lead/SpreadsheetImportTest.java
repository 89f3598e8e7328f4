package io.leadflow.lead;

import static io.leadflow.lead.LeadCaptureTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11: the files marketing teams really have, as Excel, HubSpot and friends save them. */
@LeadflowTest
class SpreadsheetImportTest {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @LocalServerPort int port;
  @Autowired Leads leads;

  Api marketing;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aCsvUtf8FileFromExcelWithItsByteOrderMarkIsOneLead() {
    String email = unique("bom1");
    byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "email,firstName\n%s,José\n".formatted(email).getBytes(StandardCharsets.UTF_8));

    JsonNode report = imported(marketing.post("/api/leads/import", "text/csv", file));

    assertThat(report.get("created").asInt()).isEqualTo(1);
    assertThat(leads.findByEmail(email).orElseThrow().getFirstName()).isEqualTo("José");
  }

  @Test
  void theSeparatorIsTakenFromTheHeaderLineSemicolonOrTab() {
    String semicolon = unique("semi1");
    String tab = unique("tab1");

    imported(marketing.post("/api/leads/import", "text/csv",
        utf8("email;firstName;company\n%s;José;Acme, S.L.\n".formatted(semicolon))));
    imported(marketing.post("/api/leads/import", "text/csv",
        utf8("email\tfirstName\tcompany\n%s\tJosé\tAcme; S.L.\n".formatted(tab))));

    assertThat(leads.findByEmail(semicolon).orElseThrow().getCompany()).isEqualTo("Acme, S.L.");
    assertThat(leads.findByEmail(tab).orElseThrow().getCompany()).isEqualTo("Acme; S.L.");
  }

  @Test
  void aFileInExcelsAnsiCodePageWithoutCharsetIsReadAsWindows1252() {
    String email = unique("latin1");
    byte[] file = "email,firstName,lastName\n%s,José,Núñez\n".formatted(email).getBytes(WINDOWS_1252);
    assertThat(file).contains((byte) 0xE9).doesNotContain((byte) 0xC3);

    imported(marketing.post("/api/leads/import", "text/csv", file));

    Lead lead = leads.findByEmail(email).orElseThrow();
    assertThat(lead.getFirstName() + " " + lead.getLastName()).isEqualTo("José Núñez").doesNotContain("\uFFFD");
  }

  @Test
  void aFileThatMixesEncodingsIsRejectedWholeNamingTheRowAndStoresNothing() {
    String good = unique("mixed-good");
    String bad = unique("mixed-bad");
    byte[] file = concat(("email,firstName\n%s,José\n".formatted(good)).getBytes(StandardCharsets.UTF_8),
        ("%s,Núñez\n".formatted(bad)).getBytes(WINDOWS_1252));

    Api.Response response = marketing.post("/api/leads/import", "text/csv", file);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(response.json().get("errors").get(0).get("message").asText()).startsWith("row 3 ");
    assertThat(leads.findByEmail(good)).isEmpty();
    assertThat(leads.findByEmail(bad)).isEmpty();
  }

  @Test
  void aDeclaredCharsetIsTakenAndBytesItHasNoCharacterForAreRejected() {
    String email = unique("declared");
    imported(marketing.post("/api/leads/import", "text/csv; charset=ISO-8859-1",
        "email,lastName\n%s,Müller\n".formatted(email).getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(leads.findByEmail(email).orElseThrow().getLastName()).isEqualTo("Müller");

    Api.Response response = marketing.post("/api/leads/import", "text/csv; charset=UTF-8",
        "email,lastName\n%s,Müller\n".formatted(unique("declared-wrong")).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("message").asText()).startsWith("row 2 ");
  }

  @Test
  void exportHeadersInEnglishAndSpanishMapToFieldsAndTheAnswerSaysWhichBecameWhich() {
    String hubspot = unique("hubspot");
    String spanish = unique("es");

    JsonNode english = imported(marketing.post("/api/leads/import", "text/csv", utf8("""
        "Email Address","First Name","Last Name","Company Name"
        %s,Ann,Archer,Archer Ltd
        """.formatted(hubspot))));
    JsonNode castellano = imported(marketing.post("/api/leads/import", "text/csv", utf8("""
        Correo electrónico;Nombre;Apellidos;Empresa;País;Teléfono
        %s;Lucía;García;Ibérica S.A.;España;+34 91 123 45 67
        """.formatted(spanish))));

    assertThat(english.get("columns").properties()).extracting(Map.Entry::getKey, e -> e.getValue().asText())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Email Address", "email"),
            org.assertj.core.groups.Tuple.tuple("First Name", "firstName"),
            org.assertj.core.groups.Tuple.tuple("Last Name", "lastName"),
            org.assertj.core.groups.Tuple.tuple("Company Name", "company"));
    assertThat(castellano.get("columns").get("Correo electrónico").asText()).isEqualTo("email");
    assertThat(castellano.get("columns").get("País").asText()).isEqualTo("country");
    Lead ann = leads.findByEmail(hubspot).orElseThrow();
    assertThat(ann.getFirstName() + " " + ann.getLastName() + ", " + ann.getCompany()).isEqualTo("Ann Archer, Archer Ltd");
    Lead lucia = leads.findByEmail(spanish).orElseThrow();
    assertThat(List.of(lucia.getFirstName(), lucia.getLastName(), lucia.getCompany(), lucia.getCountry(), lucia.getPhone()))
        .containsExactly("Lucía", "García", "Ibérica S.A.", "ES", "+34 91 123 45 67");
  }

  @Test
  void twoColumnsForOneFieldRejectTheFileNamingTheSecond() {
    Api.Response response = marketing.post("/api/leads/import", "text/csv",
        utf8("Email,E-mail\n%s,%s\n".formatted(unique("twice"), unique("twice"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("E-mail");
  }

  @Test
  void excelsTrailingEmptyColumnAndRowsOfSeparatorsOnlyAreIgnoredLikeBlankLines() {
    String ana = unique("trail-ana");
    String eva = unique("trail-eva");

    JsonNode report = imported(marketing.post("/api/leads/import", "text/csv", utf8("""
        email,firstName,
        %s,Ana,
        ,,

        ,,
        %s,Eva
        """.formatted(ana, eva))));

    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected")).isEmpty();
    assertThat(report.get("columns").size()).isEqualTo(2);
    assertThat(leads.findByEmail(eva).orElseThrow().getFirstName()).isEqualTo("Eva");
  }

  @Test
  void aValueUnderAColumnWithoutHeaderRejectsThatRow() {
    JsonNode report = imported(marketing.post("/api/leads/import", "text/csv",
        utf8("email,firstName,\n%s,Ana,surprise\n".formatted(unique("noheader")))));

    assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").get(0).get("errors").findValuesAsText("field")).containsExactly("row");
  }

  @Test
  void anXlsxWorkbookIsImportedOnTheSameEndpointByTheSameRulesWithTheSameAnswer() throws IOException {
    String email = unique("xlsx");
    byte[] workbook = workbook(List.of(
        List.of("Email Address", "First Name", "Company", "Employees", "Country", "Consent", "Consent date"),
        List.of(email, "\u00a0Zoë ", "Müller & Söhne", 120, "Deutschland", true, Instant.parse("2026-05-04T07:30:00Z")),
        List.of("not-an-address", "Bad", "", "", "", "", "")));

    JsonNode asBody = imported(marketing.post("/api/leads/import", XLSX, workbook));
    JsonNode asUpload = imported(marketing.upload("/api/leads/import", "file", "leads.xlsx", XLSX, workbook));

    for (JsonNode report : List.of(asBody, asUpload)) {
      assertThat(report.get("columns").get("Employees").asText()).isEqualTo("companySize");
      assertThat(report.get("rejected").findValuesAsText("row")).containsExactly("3");
    }
    assertThat(asBody.get("created").asInt()).isEqualTo(1);
    assertThat(asUpload.get("updated").asInt()).isEqualTo(1);
    Lead lead = leads.findByEmail(email).orElseThrow();
    assertThat(lead.getFirstName()).isEqualTo("Zoë");
    assertThat(lead.getCompany()).isEqualTo("Müller & Söhne");
    assertThat(lead.getCompanySize()).isEqualTo(120);
    assertThat(lead.getCountry()).isEqualTo("DE");
    assertThat(lead.getConsentGiven()).isTrue();
    assertThat(lead.getConsentAt()).isEqualTo(Instant.parse("2026-05-04T07:30:00Z"));
  }

  @Test
  void aCsvUploadedAsAFormIsReadLikeTheBody() {
    String email = unique("upload");

    imported(marketing.upload("/api/leads/import", "file", "leads.csv", "text/csv",
        "email;firstName\n%s;Inês\n".formatted(email).getBytes(WINDOWS_1252)));

    assertThat(leads.findByEmail(email).orElseThrow().getFirstName()).isEqualTo("Inês");
  }

  @Test
  void consentTimeInAFileIsIsoWithOffsetOrEpochMillisecondsLikeInJson() {
    String millis = unique("consent-ms");
    String iso = unique("consent-iso");
    String seconds = unique("consent-s");

    JsonNode report = imported(marketing.post("/api/leads/import", "text/csv", utf8("""
        email,consent.given,consent.at
        %s,true,1700000000000
        %s,true,2023-11-14T23:13:20+01:00
        %s,true,1700000000
        """.formatted(millis, iso, seconds))));

    assertThat(leads.findByEmail(millis).orElseThrow().getConsentAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(leads.findByEmail(iso).orElseThrow().getConsentAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(4);
    assertThat(report.get("rejected").get(0).get("errors").get(0).get("message").asText())
        .contains("ISO-8601 timestamp with offset", "epoch milliseconds");
    assertThat(leads.findByEmail(seconds)).isEmpty();
  }

  private static JsonNode imported(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** An .xlsx workbook as Excel saves it: text, number, boolean and date cells. */
  static byte[] workbook(List<List<Object>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Leads");
      var dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          var cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
          } else if (value instanceof Instant instant) {
            cell.setCellValue(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            cell.setCellStyle(dateStyle);
          } else if (!"".equals(value)) {
            cell.setCellValue((String) value);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

}
