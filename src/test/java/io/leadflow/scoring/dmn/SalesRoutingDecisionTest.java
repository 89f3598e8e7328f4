package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bpmn/sales-routing.dmn}: which sales team (and, where a rule says so, which rep) a
 * qualified lead goes to. Hit policy FIRST: exactly one rule decides, and the catch-all makes
 * sure one always does.
 */
class SalesRoutingDecisionTest {

  private static final DmnFile FILE = DmnFile.load("sales-routing.dmn");
  private static final String DECISION = "sales-routing";
  private static final Set<String> TEAMS = Set.of("salesEurope", "salesAmericas", "salesApac");
  /** ISO codes of places without buyers: Antarctica and uninhabited territories. */
  private static final Set<String> NO_REGION = Set.of("AQ", "BV", "GS", "HM", "TF");

  /** What the Java passes for a lead; every field may be unknown (null). */
  record Lead(String description, String country, String industry, Integer companySize) {

    Map<String, Object> variables() {
      return DmnFile.variables("country", country, "industry", industry, "companySize", companySize);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** A lead, the team and rep it goes to and the rule that decides it. */
  record Case(Lead lead, String team, String rep, String rule) {

    @Override
    public String toString() {
      return lead + " -> " + team + (rep == null ? "" : " / " + rep);
    }
  }

  private static Case lead(String description, String country, String industry, Integer size,
      String team, String rep, String rule) {
    return new Case(new Lead(description, country, industry, size), team, rep, "Rule_" + rule);
  }

  static Stream<Case> regions() {
    return Stream.of(
        lead("a lead in Germany goes to Sales Europe", "DE", "Software", 300, "salesEurope", null, "Emea"),
        lead("a lead in the UK goes to Sales Europe", "GB", null, null, "salesEurope", null, "Emea"),
        lead("a lead in the United Arab Emirates (Middle East) goes to Sales Europe", "AE", "Logistics", 80, "salesEurope", null, "Emea"),
        lead("a lead in South Africa (Africa) goes to Sales Europe", "ZA", null, 40, "salesEurope", null, "Emea"),
        lead("a lead in the US goes to Sales Americas", "US", "Manufacturing", 120, "salesAmericas", null, "Americas"),
        lead("a lead in Brazil goes to Sales Americas", "BR", "Retail", 30, "salesAmericas", null, "Americas"),
        lead("a lead in Canada goes to Sales Americas", "CA", null, null, "salesAmericas", null, "Americas"),
        lead("a lead in Japan goes to Sales Asia-Pacific", "JP", "Software", 2000, "salesApac", null, "AsiaPacific"),
        lead("a lead in India goes to Sales Asia-Pacific", "IN", null, null, "salesApac", null, "AsiaPacific"),
        lead("a lead in Australia goes to Sales Asia-Pacific", "AU", "Healthcare", 10, "salesApac", null, "AsiaPacific"),
        lead("a country code in lower case is still a country", "fr", null, null, "salesEurope", null, "Emea"),
        lead("a lower-case US code is the US", "us", null, null, "salesAmericas", null, "Americas"));
  }

  static Stream<Case> rulesBeforeTheRegions() {
    return Stream.of(
        lead("an enterprise of 5000 in the US goes to Ana", "US", "Software", 5000, "salesAmericas", "ana", "AmericasEnterprise"),
        lead("an enterprise of 250,000 in Brazil goes to Ana", "BR", null, 250_000, "salesAmericas", "ana", "AmericasEnterprise"),
        lead("4999 employees in the US are not an enterprise account", "US", null, 4999, "salesAmericas", null, "Americas"),
        lead("an enterprise in Germany has no named rep", "DE", null, 50_000, "salesEurope", null, "Emea"),
        lead("an enterprise in Japan has no named rep", "JP", null, 50_000, "salesApac", null, "AsiaPacific"),
        lead("an enterprise without a country has no named rep", null, null, 50_000, "salesEurope", null, "UnknownCountry"),
        lead("a government lead in Germany goes to the bid desk in Sales Europe", "DE", "Government", 900, "salesEurope", null, "PublicSector"),
        lead("a public-sector lead in Australia goes to the bid desk too", "AU", "PUBLIC SECTOR", null, "salesEurope", null, "PublicSector"),
        lead("public administration without a country goes to the bid desk", null, "Public Administration", null, "salesEurope", null, "PublicSector"),
        lead("a government enterprise in the US is Ana's key account first", "US", "government", 8000, "salesAmericas", "ana", "AmericasEnterprise"),
        lead("a government-owned utility is not the public sector", "US", "Government-owned utility", null, "salesAmericas", null, "Americas"));
  }

  static Stream<Case> unknowns() {
    return Stream.of(
        lead("a lead we know nothing about goes to Sales Europe, not nowhere", null, null, null, "salesEurope", null, "UnknownCountry"),
        lead("a country code we do not know goes to Sales Europe", "ZZ", "Software", 300, "salesEurope", null, "UnknownCountry"),
        lead("Antarctica is in no region", "AQ", null, null, "salesEurope", null, "UnknownCountry"),
        lead("an unknown company size in the US is no enterprise", "US", null, null, "salesAmericas", null, "Americas"));
  }

  static Stream<Case> allCases() {
    return Stream.of(regions(), rulesBeforeTheRegions(), unknowns()).flatMap(cases -> cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"regions", "rulesBeforeTheRegions", "unknowns"})
  void routesTheLead(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.lead().variables());

    Map<String, Object> outputs = evaluation.result().getSingleResult().getEntryMap();
    assertThat(outputs.get("team")).isEqualTo(c.team());
    assertThat(outputs.get("rep")).as("rep (an empty cell gives no entry)").isEqualTo(c.rep());
    assertThat(evaluation.matchedRules(DECISION)).containsExactly(c.rule());
  }

  @Test
  void everyCountryWithBuyersHasARegionAndEveryTeamIsAConfiguredOne() {
    Set<String> withoutRegion = new TreeSet<>();
    for (String country : Locale.getISOCountries()) {
      DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, variables("country", country));
      assertThat((String) evaluation.output("team")).as(country).isIn(TEAMS);
      if (evaluation.matchedRules(DECISION).contains("Rule_UnknownCountry")) {
        withoutRegion.add(country);
      }
    }
    assertThat(withoutRegion).isEqualTo(new TreeSet<>(NO_REGION));
  }

  @Test
  void everyRuleIsExercisedByATestCase() {
    FILE.assertEveryRuleIsExercisedBy(
        allCases().map(c -> FILE.evaluate(DECISION, c.lead().variables())).toList());
  }

  @Test
  void everyRuleSaysWhyItExists() {
    FILE.assertEveryRuleIsExplainedAndEveryDecisionExpires();
  }
}
