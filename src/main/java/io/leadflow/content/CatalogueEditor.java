package io.leadflow.content;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing's changes to the catalogue: add, replace and retire items. A retired item is gone
 * from the API and from selection, but its row stays, because deliveries refer to it; its id is
 * never given out again.
 */
@Service
class CatalogueEditor {

  private final ContentItemRepository items;
  private final EntityManager entityManager;
  private final Clock clock;

  CatalogueEditor(ContentItemRepository items, EntityManager entityManager, Clock clock) {
    this.items = items;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** A new item; 409 when the id is taken, also by a retired item. */
  @Transactional
  ContentItem add(ContentItemRequest request) {
    if (items.existsById(request.id())) {
      throw taken(request.id());
    }
    ContentItem item = new ContentItem(request.id(), clock.instant());
    request.applyTo(item);
    try {
      // persist, not save: save would merge, and merging onto an item stored a moment ago by
      // someone else would overwrite it instead of failing
      entityManager.persist(item);
      entityManager.flush();
    } catch (EntityExistsException sameIdAtOnce) {
      throw taken(request.id());
    } catch (PersistenceException e) {
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw taken(request.id());
      }
      throw e;
    }
    return item;
  }

  /** Everything of a catalogue item but its id and creation time; 404 when unknown or retired. */
  @Transactional
  ContentItem replace(String id, ContentItemRequest request) {
    ContentItem item = items.findByIdAndRetiredAtIsNull(id).orElseThrow(() -> new NotFound("content item", id));
    request.applyTo(item);
    item.setUpdatedAt(clock.instant());
    return item;
  }

  /** Takes the item out of the catalogue; 404 when unknown or already retired. */
  @Transactional
  void retire(String id) {
    ContentItem item = items.findByIdAndRetiredAtIsNull(id).orElseThrow(() -> new NotFound("content item", id));
    Instant now = clock.instant();
    item.setRetiredAt(now);
    item.setUpdatedAt(now);
  }

  private static InvalidRequest taken(String id) {
    return new InvalidRequest(
        HttpStatus.CONFLICT,
        "The catalogue already has an item with id " + id,
        List.of(new FieldProblem("id", "is taken (ids of retired items are not given out again)")));
  }
}
