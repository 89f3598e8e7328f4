package io.leadflow.lead;

import static io.leadflow.lead.LeadCaptureTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@LeadflowTest
class LeadImportTest {

  @LocalServerPort int port;
  @Autowired Leads leads;
  @Autowired CaptureRecordRepository captures;

  Api marketing;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aMarketersFileKeepsTheValidRowsAndReportsEachRejectedRowWithItsReasons() {
    String ann = unique("ann");
    String ben = unique("ben");
    String csv = """
        email,firstName,lastName,company,companySize,country,campaign,consent.given,consent.at,social.linkedin
        %s,Ann,Archer,"Archer, Bow & Co",40,fr,trade-show,true,2026-05-04T09:30:00+02:00,in/ann
        not-an-email,Bad,Row,,,,trade-show,,,
        %s,Ben,Baker,Bakery,lots,,trade-show,,,
        %s,Ben,Baker,Bakery,12,ZZ,trade-show,,,
        %s,Annie,,,,,,,,
        short,row
        """.formatted(ann, ben, ben, ann.toUpperCase());

    Api.Response response = marketing.post("/api/leads/import", "text/csv", csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("created").asInt()).isEqualTo(1);
    assertThat(report.get("updated").asInt()).as("the same email again updates the lead").isEqualTo(1);
    assertThat(report.get("rejected").findValuesAsText("row")).containsExactly("3", "4", "5", "7");
    assertThat(rejection(report, 3)).containsExactly("email");
    assertThat(rejection(report, 4)).containsExactly("companySize");
    assertThat(rejection(report, 5)).containsExactly("country");
    assertThat(rejection(report, 7)).containsExactly("row");

    Lead imported = leads.findByEmail(ann).orElseThrow();
    assertThat(imported.getFirstName()).isEqualTo("Annie");
    assertThat(imported.getCompany()).isEqualTo("Archer, Bow & Co");
    assertThat(imported.getCountry()).isEqualTo("FR");
    assertThat(imported.getConsentGiven()).isTrue();
    assertThat(imported.getLinkedin()).isEqualTo("in/ann");
    assertThat(captures.findByLeadIdOrderByCapturedAt(imported.getId()))
        .extracting(CaptureRecord::getChannel).containsOnly(CaptureChannel.IMPORT);
    assertThat(leads.findByEmail(ben)).as("a lead whose every row was invalid is not stored").isEmpty();
  }

  @Test
  void aFileWithAnUnknownColumnIsRejectedWholeAndStoresNothing() {
    String email = unique("column");
    long before = leads.count();

    Api.Response response = marketing.post("/api/leads/import", "text/csv", "email,shoeSize\n%s,42\n".formatted(email));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("shoeSize");
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void aFileWithoutAnEmailColumnOrWithoutRowsIsRejected() {
    assertThat(marketing.post("/api/leads/import", "text/csv", "firstName\nAnn\n").json().get("errors")
        .findValuesAsText("field")).containsExactly("email");
    assertThat(marketing.post("/api/leads/import", "text/csv", "").status()).isEqualTo(400);
  }

  private static java.util.List<String> rejection(JsonNode report, int row) {
    for (JsonNode rejected : report.get("rejected")) {
      if (rejected.get("row").asInt() == row) {
        return rejected.get("errors").findValuesAsText("field");
      }
    }
    throw new AssertionError("row " + row + " was not rejected: " + report);
  }
}
