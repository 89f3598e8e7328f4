package io.leadflow.content;

import io.leadflow.lead.FunnelStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** The query of {@code GET /api/content}: every filter optional; retired items never show. */
public record ContentFilter(FunnelStage stage, ContentType type, Channel channel, Boolean active) {

  /** The catalogue's reading order: by stage along the funnel, then as selection ranks equals (priority, id). */
  static final Comparator<ContentItem> CATALOGUE_ORDER =
      Comparator.comparing(ContentItem::getStage)
          .thenComparingInt(ContentItem::getPriority)
          .thenComparing(ContentItem::getId);

  Specification<ContentItem> specification() {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(cb.isNull(root.get("retiredAt")));
      if (stage != null) {
        where.add(cb.equal(root.get("stage"), stage));
      }
      if (type != null) {
        where.add(cb.equal(root.get("type"), type));
      }
      if (channel != null) {
        where.add(cb.equal(root.get("channel"), channel));
      }
      if (active != null) {
        where.add(cb.equal(root.get("active"), active));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
