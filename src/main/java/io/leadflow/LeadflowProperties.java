package io.leadflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/** Leadflow's own settings ({@code leadflow.*}); each one is documented in docs/configuration.md or docs/operations.md. */
@Validated
@ConfigurationProperties("leadflow")
public record LeadflowProperties(
    @NotBlank String publicBaseUrl,
    Demo demo,
    @Name("import") Import importing,
    Interactions interactions,
    Sales sales) {

  public LeadflowProperties {
    demo = demo == null ? new Demo(false, "demo") : demo;
    importing = importing == null ? new Import(10_000) : importing;
    sales = sales == null ? new Sales(new LinkedHashMap<>()) : sales;
    interactions = interactions == null ? new Interactions(500, Duration.ofMinutes(5)) : interactions;
  }

  /**
   * Interaction intake: how many interactions one request may carry, and how far in the future a
   * sender's clock may be before its {@code occurredAt} counts as "in the future".
   */
  public record Interactions(@Min(1) int maxBatch, Duration maxClockSkew) {}

  /** Demo users and leads for the embedded run. */
  public record Demo(boolean enabled, String password) {}

  /** CSV import of leads. */
  public record Import(@Min(1) int maxRows) {}

  /** Sales teams: Camunda group id to display name. */
  public record Sales(Map<String, String> teams) {}
}
