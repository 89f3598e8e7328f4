package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.rules;
import static io.leadflow.scoring.dmn.DmnFile.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bpmn/lead-qualification.dmn}: the fit grade and engagement level make the rating ("A1"
 * best, "D4" worst), and the rating, the total, the lead's status and what it just did make the
 * qualification and the funnel stage it gets content for.
 */
class LeadQualificationDecisionTest {

  private static final DmnFile FILE = DmnFile.load("lead-qualification.dmn");

  record Grade(Integer fit, String fitGrade, String rule) {

    @Override
    public String toString() {
      return "a fit of " + fit + " is grade " + fitGrade;
    }
  }

  record Level(Integer engagement, int engagementLevel, String rule) {

    @Override
    public String toString() {
      return "an engagement of " + engagement + " is level " + engagementLevel;
    }
  }

  /** The variables the Java passes, and what it reads back: qualification, stage, and the rating. */
  record Lead(String description, String trigger, String status, Integer fit, Integer engagement, Integer total) {

    Map<String, Object> variables() {
      return DmnFile.variables(
          "fit", fit, "engagement", engagement, "total", total, "trigger", trigger, "status", status);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  record Case(Lead lead, String rating, String qualification, String stage, String rule) {

    @Override
    public String toString() {
      return lead + " -> " + qualification + " " + stage;
    }
  }

  static Stream<Grade> fitGrades() {
    return Stream.of(
        new Grade(80, "A", "FitGradeA"), new Grade(60, "A", "FitGradeA"),
        new Grade(59, "B", "FitGradeB"), new Grade(40, "B", "FitGradeB"),
        new Grade(39, "C", "FitGradeC"), new Grade(20, "C", "FitGradeC"),
        new Grade(19, "D", "FitGradeD"), new Grade(0, "D", "FitGradeD"),
        new Grade(-8, "D", "FitGradeD"), new Grade(null, "D", "FitGradeD"));
  }

  static Stream<Level> engagementLevels() {
    return Stream.of(
        new Level(250, 1, "EngagementLevel1"), new Level(60, 1, "EngagementLevel1"),
        new Level(59, 2, "EngagementLevel2"), new Level(30, 2, "EngagementLevel2"),
        new Level(29, 3, "EngagementLevel3"), new Level(10, 3, "EngagementLevel3"),
        new Level(9, 4, "EngagementLevel4"), new Level(0, 4, "EngagementLevel4"),
        new Level(-40, 4, "EngagementLevel4"), new Level(null, 4, "EngagementLevel4"));
  }

  private static Case lead(String description, String trigger, String status, Integer fit, Integer engagement,
      Integer total, String rating, String qualification, String stage, String rule) {
    return new Case(new Lead(description, trigger, status, fit, engagement, total), rating, qualification, stage, rule);
  }

  /** One case per rule, in the table's (FIRST) order, and the cases that show why the order matters. */
  static Stream<Case> qualifications() {
    return Stream.of(
        lead("a demo request from a D4 lead goes straight to sales",
            "DEMO_REQUEST", "NURTURING", 0, 0, 0, "D4", "SALES_QUALIFIED", "BOFU", "SalesRequest"),
        lead("a quote request goes straight to sales",
            "QUOTE_REQUEST", "NURTURING", 10, 5, 15, "D4", "SALES_QUALIFIED", "BOFU", "SalesRequest"),
        lead("a price list request from a marketing qualified lead goes straight to sales",
            "PRICE_LIST_REQUEST", "MARKETING_QUALIFIED", 45, 35, 80, "B2", "SALES_QUALIFIED", "BOFU", "SalesRequest"),
        lead("a demo request from a sales qualified lead is a sales request first",
            "DEMO_REQUEST", "SALES_QUALIFIED", 60, 60, 120, "A1", "SALES_QUALIFIED", "BOFU", "SalesRequest"),
        lead("a sales qualified lead stays so after the nightly decay, even at D4",
            null, "SALES_QUALIFIED", 0, 0, 0, "D4", "SALES_QUALIFIED", "BOFU", "StaysSalesQualified"),
        lead("a sales qualified lead stays so, even when its rating is A1",
            "PAGE_VIEW", "SALES_QUALIFIED", 60, 60, 120, "A1", "SALES_QUALIFIED", "BOFU", "StaysSalesQualified"),
        lead("an A1 lead visiting the pricing page is marketing qualified",
            "PAGE_VIEW", "NURTURING", 60, 60, 125, "A1", "MARKETING_QUALIFIED", "BOFU", "GoodFitAndEngaged"),
        lead("an A2 lead is marketing qualified",
            "EMAIL_CLICK", "NURTURING", 80, 30, 110, "A2", "MARKETING_QUALIFIED", "BOFU", "GoodFitAndEngaged"),
        lead("a B1 lead is marketing qualified by a rescore",
            null, "NURTURING", 40, 60, 100, "B1", "MARKETING_QUALIFIED", "BOFU", "GoodFitAndEngaged"),
        lead("a D1 lead with a total of 150 is marketing qualified, whatever the fit",
            "WEBINAR_ATTENDED", "NURTURING", 10, 120, 150, "D1", "MARKETING_QUALIFIED", "BOFU", "HighTotal"),
        lead("a D1 lead with a total of 149 gets vendor-evaluation content",
            "WEBINAR_ATTENDED", "NURTURING", 10, 120, 149, "D1", "NURTURE", "BOFU", "EngagedNotYetFit"),
        lead("a B2 lead just under A and 1 gets vendor-evaluation content",
            "WEBINAR_ATTENDED", "NURTURING", 59, 59, 118, "B2", "NURTURE", "BOFU", "EngagedNotYetFit"),
        lead("a C2 lead gets vendor-evaluation content",
            "FORM_SUBMISSION", "NURTURING", 25, 30, 55, "C2", "NURTURE", "BOFU", "EngagedNotYetFit"),
        lead("an A3 lead is interested: solution-criteria content",
            "CONTENT_DOWNLOAD", "NURTURING", 80, 29, 109, "A3", "NURTURE", "MOFU", "Interested"),
        lead("a C3 lead gets solution-criteria content",
            "EMAIL_OPEN", "NURTURING", 25, 10, 35, "C3", "NURTURE", "MOFU", "Interested"),
        lead("a D4 lead gets research content",
            "EMAIL_OPEN", "NURTURING", 5, 9, 14, "D4", "NURTURE", "TOFU", "Researching"),
        lead("a marketing qualified lead whose engagement decayed to C4 goes back to research content",
            null, "MARKETING_QUALIFIED", 30, 5, 35, "C4", "NURTURE", "TOFU", "Researching"),
        lead("a lead we know nothing about gets research content",
            null, null, null, null, null, "D4", "NURTURE", "TOFU", "Researching"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fitGrades")
  void gradesTheFit(Grade grade) {
    DmnFile.Evaluation evaluation = FILE.evaluate("fit-grade", variables("fit", grade.fit()));

    assertThat(evaluation.singleEntry()).isEqualTo(grade.fitGrade());
    assertThat(evaluation.matchedRules("fit-grade")).containsExactlyElementsOf(rules(grade.rule()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engagementLevels")
  void levelsTheEngagement(Level level) {
    DmnFile.Evaluation evaluation = FILE.evaluate("engagement-level", variables("engagement", level.engagement()));

    assertThat(evaluation.singleEntry()).isEqualTo(level.engagementLevel());
    assertThat(evaluation.matchedRules("engagement-level")).containsExactlyElementsOf(rules(level.rule()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qualifications")
  void qualifiesTheLead(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate("lead-qualification", c.lead().variables());

    assertThat(evaluation.output("qualification")).isEqualTo(c.qualification());
    assertThat(evaluation.output("stage")).isEqualTo(c.stage());
    assertThat(evaluation.matchedRules("lead-qualification")).containsExactlyElementsOf(rules(c.rule()));
    // the Java reads the rating from the lead-rating decision's result, by the variable name "rating"
    assertThat(evaluation.literalResult("lead-rating")).containsExactly(entry("rating", c.rating()));
  }

  @Test
  void theQualificationResultHoldsExactlyQualificationAndStage() {
    Lead lead = new Lead("an A1 lead", "PAGE_VIEW", "NURTURING", 60, 60, 125);

    DmnFile.Evaluation evaluation = FILE.evaluate("lead-qualification", lead.variables());

    assertThat(evaluation.result()).hasSize(1);
    assertThat(evaluation.result().getSingleResult().getEntryMap())
        .containsOnlyKeys("qualification", "stage");
  }

  @Test
  void everyRuleIsExercisedByATestCase() {
    List<DmnFile.Evaluation> evaluations = Stream.of(
            fitGrades().map(grade -> FILE.evaluate("fit-grade", variables("fit", grade.fit()))),
            engagementLevels().map(level -> FILE.evaluate("engagement-level", variables("engagement", level.engagement()))),
            qualifications().map(c -> FILE.evaluate("lead-qualification", c.lead().variables())))
        .flatMap(evaluationsOfOneKind -> evaluationsOfOneKind)
        .toList();

    FILE.assertEveryRuleIsExercisedBy(evaluations);
  }

  @Test
  void everyRuleSaysWhyItExists() {
    FILE.assertEveryRuleIsExplainedAndEveryDecisionExpires();
  }
}
