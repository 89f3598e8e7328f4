package io.leadflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.unit.DataSize;
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
    importing = importing == null ? new Import(0, 0, null, null, 0, 0) : importing;
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

  /**
   * Importing leads ({@code POST /api/leads/import}, docs/configuration.md): at most {@code
   * maxRows} rows and {@code maxFileSize} bytes a file; rows a transaction ({@code batchSize}); a
   * file larger than {@code backgroundAbove} is imported in the background (202, {@code GET
   * /api/imports/{id}}), a smaller one at once (200 with the report). Zero or unset: the default.
   */
  public record Import(@Min(0) int maxRows, @Min(0) int batchSize, DataSize backgroundAbove, DataSize maxFileSize,
      @Min(0) int analyzeEvery, @Min(0) int slices) {

    public Import {
      slices = slices == 0 ? 2 : slices;
      analyzeEvery = analyzeEvery == 0 ? 10_000 : analyzeEvery;
      maxRows = maxRows == 0 ? 1_000_000 : maxRows;
      batchSize = batchSize == 0 ? 500 : batchSize;
      backgroundAbove = backgroundAbove == null ? DataSize.ofKilobytes(256) : backgroundAbove;
      maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(100) : maxFileSize;
    }
  }

  /** Sales teams: Camunda group id to display name. */
  public record Sales(Map<String, String> teams) {}
}
