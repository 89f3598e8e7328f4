package io.leadflow.content;

import io.leadflow.lead.EmailTopic;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks what a lead receives next: the selection rule of the nurturing journey. Only active, not
 * retired EMAIL items are candidates (email is the only channel delivered). Among the items that
 * fit the lead's persona ({@link PersonaFit}), targeted ones come first (an industry match before
 * a role match), then lower {@code priority}, then the id. Content of a topic the lead declined in
 * the preference centre is never chosen. Marketing changes the choice through
 * {@code /api/content} (priority, targeting, active), without a build.
 */
@Service
@Transactional(readOnly = true)
public class ContentCatalogue {

  private final ContentItemRepository items;

  ContentCatalogue(ContentItemRepository items) {
    this.items = items;
  }

  /** The personalised first message: the best fitting active {@code WELCOME} email, if the catalogue has one. */
  public Optional<ContentItem> welcomeFor(Lead lead) {
    return best(lead, items.findByTypeAndChannelAndActiveTrueAndRetiredAtIsNull(ContentType.WELCOME, Channel.EMAIL), item -> true);
  }

  /** The double opt-in's confirmation request for the lead: the best fitting active {@code OPT_IN} email. */
  public Optional<ContentItem> optInRequestFor(Lead lead) {
    return best(lead, items.findByTypeAndChannelAndActiveTrueAndRetiredAtIsNull(ContentType.OPT_IN, Channel.EMAIL), item -> true);
  }

  /**
   * The best email of {@code stage} for the lead that it has not received yet, of a topic it keeps
   * (the preference centre, {@link ContentType#topic()}); empty when the stage has nothing more
   * for it. Never a welcome.
   *
   * @param alreadySentContentIds the ids of the items the lead received (may be empty)
   */
  public Optional<ContentItem> nextFor(Lead lead, FunnelStage stage, Collection<String> alreadySentContentIds) {
    Set<String> sent = alreadySentContentIds == null ? Set.of() : new HashSet<>(alreadySentContentIds);
    return best(
        lead,
        items.findByStageAndChannelAndActiveTrueAndRetiredAtIsNull(stage, Channel.EMAIL),
        item -> item.getType() != ContentType.WELCOME && item.getType() != ContentType.OPT_IN && !sent.contains(item.getId()) && lead.keeps(item.getType().topic()));
  }

  /**
   * The topics a lead may choose in the preference centre: those the catalogue has active email
   * content of, in {@link EmailTopic}'s order.
   */
  public List<EmailTopic> topicsOffered() {
    Set<EmailTopic> offered = new HashSet<>();
    items.typesOffered(Channel.EMAIL).stream().map(ContentType::topic).filter(java.util.Objects::nonNull).forEach(offered::add);
    return java.util.Arrays.stream(EmailTopic.values()).filter(offered::contains).toList();
  }

  private static Optional<ContentItem> best(Lead lead, List<ContentItem> candidates, Predicate<ContentItem> eligible) {
    return candidates.stream()
        .filter(eligible)
        .map(item -> new Candidate(item, PersonaFit.of(item, lead)))
        .filter(candidate -> candidate.fit().fits())
        .min(Candidate.BEST_FIRST)
        .map(Candidate::item);
  }

  private record Candidate(ContentItem item, PersonaFit fit) {

    static final Comparator<Candidate> BEST_FIRST =
        Comparator.comparingInt((Candidate candidate) -> -candidate.fit().strength())
            .thenComparingInt(candidate -> candidate.item().getPriority())
            .thenComparing(candidate -> candidate.item().getId());
  }
}
