package io.leadflow;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id we assign (a UUID) when it is made. It tells Spring Data it is new until
 * stored, so saving it inserts it (persist) instead of looking it up first and merging a copy,
 * which would leave the caller holding an instance that is not the managed one.
 */
@MappedSuperclass
public abstract class NewEntity implements Persistable<String> {

  @Id private String id = UUID.randomUUID().toString();

  @Transient private boolean stored;

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return !stored;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    stored = true;
  }
}
