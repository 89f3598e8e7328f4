package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.rules;
import static io.leadflow.scoring.dmn.DmnFile.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bpmn/fit-score.dmn}: how close a lead is to our buyer persona (explicit score). */
class FitScoreDecisionTest {

  private static final DmnFile FILE = DmnFile.load("fit-score.dmn");
  private static final String DECISION = "fit-score";
  private static final List<String> SENIORITY_RULES = rules("CLevel", "VpHeadDirector", "ManagerLead", "StudentIntern");

  /** What the Java passes for a lead's profile; every field may be unknown (null). */
  record Lead(String description, Integer companySize, String industry, String jobTitle, String country) {

    Map<String, Object> variables() {
      return DmnFile.variables(
          "companySize", companySize, "industry", industry, "jobTitle", jobTitle, "country", country);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** A lead, the fit points it gets and the rules that give them (the catch-all matches every lead). */
  record Case(Lead lead, int points, List<String> rules) {

    @Override
    public String toString() {
      return lead + " -> " + points;
    }
  }

  private static Case lead(String description, Integer size, String industry, String title, String country,
      int points, String... rules) {
    List<String> expected = new ArrayList<>(rules("StartAtZero"));
    expected.addAll(rules(rules));
    return new Case(new Lead(description, size, industry, title, country), points, expected);
  }

  static Stream<Case> personas() {
    return Stream.of(
        lead("a CTO of a 300-person software company in Germany is an ideal fit",
            300, "Software", "CTO", "DE", 80, "LargeCompany", "PersonaIndustry", "CLevel", "ServedMarket"),
        lead("a head of operations at a 120-person manufacturer in the US fits well",
            120, "manufacturing", "Head of Operations", "US", 65, "MidSizeCompany", "PersonaIndustry", "VpHeadDirector", "ServedMarket"),
        lead("a marketing manager of a 30-person retailer in Brazil fits a little",
            30, "Retail", "Marketing Manager", "BR", 28, "SmallCompany", "AdjacentIndustry", "ManagerLead"),
        lead("a student at a 5-person farm in India is a poor fit",
            5, "Agriculture", "Student", "IN", -8, "MicroCompany", "StudentIntern"),
        lead("a lead we know nothing about gets no points, not no answer",
            null, null, null, null, 0));
  }

  static Stream<Case> companySizes() {
    return Stream.of(
        lead("a one-person company is a micro company", 1, null, null, null, 2, "MicroCompany"),
        lead("9 employees are still a micro company", 9, null, null, null, 2, "MicroCompany"),
        lead("10 employees make a small company", 10, null, null, null, 8, "SmallCompany"),
        lead("49 employees are still a small company", 49, null, null, null, 8, "SmallCompany"),
        lead("50 employees make a mid-size company", 50, null, null, null, 15, "MidSizeCompany"),
        lead("249 employees are still a mid-size company", 249, null, null, null, 15, "MidSizeCompany"),
        lead("250 employees are our sweet spot", 250, null, null, null, 25, "LargeCompany"),
        lead("999 employees are still our sweet spot", 999, null, null, null, 25, "LargeCompany"),
        lead("1000 employees make an enterprise", 1000, null, null, null, 20, "Enterprise"),
        lead("a 250,000-employee group is an enterprise", 250_000, null, null, null, 20, "Enterprise"),
        lead("an unknown company size scores nothing", null, null, null, null, 0));
  }

  static Stream<Case> industries() {
    return Stream.of(
        lead("software is a persona industry", null, "software", null, null, 20, "PersonaIndustry"),
        lead("Manufacturing is a persona industry, whatever the case", null, "Manufacturing", null, null, 20, "PersonaIndustry"),
        lead("FINANCIAL SERVICES is a persona industry", null, "FINANCIAL SERVICES", null, null, 20, "PersonaIndustry"),
        lead("Logistics is a persona industry", null, "Logistics", null, null, 20, "PersonaIndustry"),
        lead("Telecommunications is an adjacent industry", null, "Telecommunications", null, null, 10, "AdjacentIndustry"),
        lead("retail is an adjacent industry", null, "retail", null, null, 10, "AdjacentIndustry"),
        lead("Healthcare is an adjacent industry", null, "Healthcare", null, null, 10, "AdjacentIndustry"),
        lead("agriculture is not our market", null, "Agriculture", null, null, 0),
        lead("an unknown industry scores nothing", null, null, null, null, 0));
  }

  static Stream<Case> jobTitles() {
    return Stream.of(
        lead("a CEO is C-level", null, null, "CEO", null, 25, "CLevel"),
        lead("a cfo in lower case is C-level", null, null, "cfo", null, 25, "CLevel"),
        lead("a Chief Marketing Officer is C-level", null, null, "Chief Marketing Officer", null, 25, "CLevel"),
        lead("a Co-Founder is C-level", null, null, "Co-Founder", null, 25, "CLevel"),
        lead("a Founder & CEO is C-level once", null, null, "Founder & CEO", null, 25, "CLevel"),
        lead("a Managing Director is C-level, not also a director", null, null, "Managing Director", null, 25, "CLevel"),
        lead("an Owner is C-level", null, null, "Owner", null, 25, "CLevel"),
        lead("an Interim CEO is C-level, not an intern", null, null, "Interim CEO", null, 25, "CLevel"),
        lead("a VP Sales is VP level", null, null, "VP Sales", null, 20, "VpHeadDirector"),
        lead("a Vice President Marketing is VP level", null, null, "Vice President Marketing", null, 20, "VpHeadDirector"),
        lead("an SVP Engineering is VP level", null, null, "SVP Engineering", null, 20, "VpHeadDirector"),
        lead("a Head of Operations is head level", null, null, "Head of Operations", null, 20, "VpHeadDirector"),
        lead("a Director, whose title contains the letters c-t-o, is a director", null, null, "Director", null, 20, "VpHeadDirector"),
        lead("an International Sales Director is a director, not an intern", null, null, "International Sales Director", null, 20, "VpHeadDirector"),
        lead("a Head of Sales Operations Manager counts as head only", null, null, "Head of Sales Operations Manager", null, 20, "VpHeadDirector"),
        lead("a Marketing Manager is a manager", null, null, "Marketing Manager", null, 10, "ManagerLead"),
        lead("a Team Lead is a lead", null, null, "Team Lead", null, 10, "ManagerLead"),
        lead("a Team Leader Customer Service is a lead", null, null, "Team Leader Customer Service", null, 10, "ManagerLead"),
        lead("a Student is not a buyer", null, null, "Student", null, -10, "StudentIntern"),
        lead("a Marketing Intern is not a buyer", null, null, "Marketing Intern", null, -10, "StudentIntern"),
        lead("a Working Student is not a buyer", null, null, "Working Student", null, -10, "StudentIntern"),
        lead("a Trainee is not a buyer", null, null, "Trainee", null, -10, "StudentIntern"),
        lead("a Product Owner is not a company owner", null, null, "Product Owner", null, 0),
        lead("a Lead Generation Specialist does not lead a team", null, null, "Lead Generation Specialist", null, 0),
        lead("a Coordinator is not a COO", null, null, "Coordinator", null, 0),
        lead("a Software Engineer has no seniority points", null, null, "Software Engineer", null, 0),
        lead("an unknown job title scores nothing", null, null, null, null, 0));
  }

  static Stream<Case> countries() {
    return Stream.concat(
        Stream.of("DE", "AT", "CH", "GB", "FR", "NL", "BE", "US", "CA")
            .map(country -> lead("a lead in " + country + " is in a market we serve", null, null, null, country, 10, "ServedMarket")),
        Stream.of(
            lead("a lead in Poland is outside our markets", null, null, null, "PL", 0),
            lead("an unknown country scores nothing", null, null, null, null, 0)));
  }

  static Stream<Case> allCases() {
    return Stream.of(personas(), companySizes(), industries(), jobTitles(), countries()).flatMap(cases -> cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"personas", "companySizes", "industries", "jobTitles", "countries"})
  void scoresTheLeadsFit(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.lead().variables());

    assertThat(evaluation.singleEntry()).isEqualTo(c.points());
    assertThat(evaluation.matchedRules(DECISION)).containsExactlyInAnyOrderElementsOf(c.rules());
  }

  @Test
  void anIdealLeadReachesAFitOf60AndAPoorOneStaysUnder20() {
    Lead ideal = new Lead("ideal", 300, "Software", "CTO", "DE");
    Lead poor = new Lead("poor", 5, "Agriculture", "Student", "IN");

    assertThat((Integer) FILE.evaluate(DECISION, ideal.variables()).singleEntry()).isGreaterThanOrEqualTo(60);
    assertThat((Integer) FILE.evaluate(DECISION, poor.variables()).singleEntry()).isLessThan(20);
  }

  @ParameterizedTest(name = "\"{0}\" matches exactly one seniority rule")
  @ValueSource(strings = {
      "Managing Director", "Founder, CEO and Head of Product", "CEO & Team Lead",
      "VP, Director and Manager", "Director of Student Affairs", "Head of Interns", "Student Recruiting Manager",
      "Head of Sales Operations Manager", "Lead Manager", "Sales Manager (Trainee)", "Project Lead / Working Student",
      "Owner and Managing Director", "Executive Vice President", "Director, Product Management"})
  void aJobTitleMatchesExactlyOneSeniorityRule(String jobTitle) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, variables("jobTitle", jobTitle));

    List<String> seniorityRules = evaluation.matchedRules(DECISION).stream().filter(SENIORITY_RULES::contains).toList();
    assertThat(seniorityRules).hasSize(1);
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
