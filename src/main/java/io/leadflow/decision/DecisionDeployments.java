package io.leadflow.decision;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Counts the deployments with decisions that committed on this node, so the in-memory decisions
 * know when to reload. Depends on nothing, so the engine plugin can use it while the engine is
 * being built.
 */
@Component
class DecisionDeployments {

  private final AtomicLong generation = new AtomicLong();

  void committed() {
    generation.incrementAndGet();
  }

  long generation() {
    return generation.get();
  }
}
