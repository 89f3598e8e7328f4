package io.leadflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the engine's own deployers on every new deployment and refuses, for a deployer who is
 * not an administrator, what {@link ModelPolicy} does not allow. The deployment then fails as a
 * model error does (a {@link ParseException}: the engine REST API answers 400 with the message and
 * one detail per refusal) and nothing of it is stored.
 *
 * <p>Who deploys is the engine's authenticated user (the REST API and the webapps set it). A
 * deployment without one is the application's own (the auto-deployment at start-up, Leadflow's
 * code) and is not checked. Administrators (Camunda's admin users and groups, {@code camunda-admin})
 * are not checked either: they may already do anything, including deploying a {@code camunda:class};
 * what expressions can resolve at runtime is restricted for everyone ({@link DesignerBeans}).
 * Deployments read back from the database (cache misses, restarts) are never checked again.
 */
final class DeploymentGuard implements Deployer {

  private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);

  private final ModelPolicy policy;

  DeploymentGuard(ModelPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    Authentication deployer = commandContext == null ? null : commandContext.getAuthentication();
    if (deployer == null || deployer.getUserId() == null || isAdministrator(deployer)) {
      return;
    }
    List<ModelPolicy.Refusal> refusals = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      refusals.addAll(policy.check(resource.getName(), resource.getBytes()));
    }
    if (refusals.isEmpty()) {
      return;
    }
    String message = "Leadflow refuses deployment '" + deployment.getName() + "' by " + deployer.getUserId()
        + " (not an administrator; see docs/security.md, What a deployment may contain): "
        + refusals.stream().map(ModelPolicy.Refusal::message).collect(Collectors.joining("; "));
    log.warn(message);
    List<Problem> problems = refusals.stream().map(DeploymentGuard::problem).toList();
    throw new ParseException(message, refusals.get(0).resource(), problems, List.of());
  }

  private static boolean isAdministrator(Authentication user) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return adminUsers.contains(user.getUserId()) || groups.stream().anyMatch(adminGroups::contains);
  }

  private static Problem problem(ModelPolicy.Refusal refusal) {
    return new Problem() {
      @Override
      public String getMessage() {
        return refusal.message();
      }

      @Override
      public int getLine() {
        return 0;
      }

      @Override
      public int getColumn() {
        return 0;
      }

      @Override
      public String getMainElementId() {
        return refusal.elementId();
      }

      @Override
      public List<String> getElementIds() {
        return refusal.elementId() == null ? List.of() : List.of(refusal.elementId());
      }
    };
  }
}
