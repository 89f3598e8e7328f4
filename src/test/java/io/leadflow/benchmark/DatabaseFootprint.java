package io.leadflow.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The size of Leadflow's database as PostgreSQL counts it ({@code pg_total_relation_size}: table,
 * indexes and TOAST), in four parts: Camunda's runtime tables, Camunda's history tables, the rest
 * of Camunda (repository, identity, bytes) and Leadflow's own tables.
 *
 * <p>Measured after {@code VACUUM FULL}: the live data. Without it, a burst of work leaves the
 * dead row versions of every job executed and every row updated in the files until autovacuum
 * marks them free, and they are reused from then on; in a steady state the files hold the live
 * data plus a margin, which is what this measures.
 */
final class DatabaseFootprint {

  private final JdbcTemplate jdbc;

  DatabaseFootprint(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Bytes per part, now. */
  Sizes now() {
    jdbc.execute("vacuum full");
    Map<String, Long> parts = new LinkedHashMap<>();
    jdbc.query("""
        select case when c.relname like 'act\\_ru\\_%' then 'camunda runtime'
                    when c.relname like 'act\\_hi\\_%' then 'camunda history'
                    when c.relname like 'act\\_%' then 'camunda other'
                    else 'leadflow' end as part,
               sum(pg_total_relation_size(c.oid)) as bytes
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r'
        group by 1 order by 1
        """, row -> {
      parts.put(row.getString("part"), row.getLong("bytes"));
    });
    return new Sizes(parts);
  }

  record Sizes(Map<String, Long> parts) {

    long total() {
      return parts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes per unit grown since {@code before}, in total and per part. */
    String perUnitSince(Sizes before, long units) {
      StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%,.0f B", (total() - before.total()) / (double) units));
      text.append(" (");
      String separator = "";
      for (Map.Entry<String, Long> part : parts.entrySet()) {
        long grown = part.getValue() - before.parts().getOrDefault(part.getKey(), 0L);
        text.append(separator).append(part.getKey()).append(' ')
            .append(String.format(java.util.Locale.ROOT, "%,.0f", grown / (double) units));
        separator = ", ";
      }
      return text.append(")").toString();
    }

    double bytesPerUnitSince(Sizes before, long units) {
      return (total() - before.total()) / (double) units;
    }
  }
}
