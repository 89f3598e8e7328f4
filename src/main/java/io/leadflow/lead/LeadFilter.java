package io.leadflow.lead;

import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The query of {@code GET /api/leads}: filters, then a page, newest leads first. */
public record LeadFilter(
    @Size(max = 100) String campaign,
    LeadStatus status,
    FunnelStage stage,
    @Pattern(regexp = "[A-D][1-4]", message = "must be a rating from A1 to D4") String rating,
    @Min(0) Integer minScore,
    @Min(0) Integer maxScore,
    @Min(0) Integer page,
    @Min(1) @Max(200) Integer size) {

  static final int DEFAULT_PAGE_SIZE = 20;

  boolean scoreRangeIsEmpty() {
    return minScore != null && maxScore != null && minScore > maxScore;
  }

  PageRequest pageRequest() {
    return PageRequest.of(
        page == null ? 0 : page,
        size == null ? DEFAULT_PAGE_SIZE : size,
        Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
  }

  Specification<Lead> specification() {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      // an erased lead is listed to no one
      where.add(cb.isNull(root.get("erasedAt")));
      if (campaign != null) {
        where.add(cb.equal(root.get("campaign"), campaign));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (stage != null) {
        where.add(cb.equal(root.get("stage"), stage));
      }
      if (rating != null) {
        where.add(cb.equal(root.get("rating"), rating));
      }
      if (minScore != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("score"), minScore));
      }
      if (maxScore != null) {
        where.add(cb.lessThanOrEqualTo(root.get("score"), maxScore));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
