package io.leadflow.content;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import java.net.URI;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/content}: the catalogue, as marketing maintains it. */
@RestController
@RequestMapping("/api/content")
class ContentController {

  private final ContentItemRepository items;
  private final CatalogueEditor editor;

  ContentController(ContentItemRepository items, CatalogueEditor editor) {
    this.items = items;
    this.editor = editor;
  }

  /** The items that are not retired, by stage along the funnel, then priority, then id. */
  @GetMapping
  List<ContentItemView> list(@Valid ContentFilter filter) {
    return items.findAll(filter.specification()).stream()
        .sorted(ContentFilter.CATALOGUE_ORDER)
        .map(ContentItemView::of)
        .toList();
  }

  @GetMapping("/{id}")
  ContentItemView item(@PathVariable String id) {
    return items.findByIdAndRetiredAtIsNull(id).map(ContentItemView::of).orElseThrow(() -> new NotFound("content item", id));
  }

  @PostMapping
  ResponseEntity<ContentItemView> add(@Validated({Default.class, ContentItemRequest.New.class}) @RequestBody ContentItemRequest request) {
    ContentItemView view = ContentItemView.of(editor.add(request));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(view.id());
    return ResponseEntity.created(location).body(view);
  }

  /** A full replace: what the body leaves out takes its default. */
  @PutMapping("/{id}")
  ContentItemView replace(@PathVariable String id, @Valid @RequestBody ContentItemRequest request) {
    if (request.id() != null && !request.id().equals(id)) {
      throw new InvalidRequest(
          "1 field is invalid", List.of(new FieldProblem("id", "must be the id in the path (" + id + ") or left out")));
    }
    return ContentItemView.of(editor.replace(id, request));
  }

  /** Retires the item: gone from the catalogue and from selection; deliveries keep referring to it. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> retire(@PathVariable String id) {
    editor.retire(id);
    return ResponseEntity.noContent().build();
  }
}
