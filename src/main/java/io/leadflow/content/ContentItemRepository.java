package io.leadflow.content;

import io.leadflow.lead.FunnelStage;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContentItemRepository extends JpaRepository<ContentItem, String>, JpaSpecificationExecutor<ContentItem> {

  /** What a stage can send on a channel: active and not retired, every type. */
  List<ContentItem> findByStageAndChannelAndActiveTrueAndRetiredAtIsNull(FunnelStage stage, Channel channel);

  /** The active, not retired items of one type on a channel, whatever their stage. */
  List<ContentItem> findByTypeAndChannelAndActiveTrueAndRetiredAtIsNull(ContentType type, Channel channel);

  /** The kinds of content the catalogue offers now on a channel (active, not retired). */
  @org.springframework.data.jpa.repository.Query(
      "select distinct i.type from ContentItem i where i.channel = :channel and i.active = true and i.retiredAt is null")
  List<ContentType> typesOffered(@org.springframework.data.repository.query.Param("channel") Channel channel);

  /** An item of the catalogue, unless it was retired. */
  Optional<ContentItem> findByIdAndRetiredAtIsNull(String id);
}
