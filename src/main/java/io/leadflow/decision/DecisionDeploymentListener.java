package io.leadflow.decision;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Tells {@link DeployedDecisions} when a deployment with DMN has committed (Camunda Modeler's
 * deploy button, or start-up), so new interactions are scored by the new version at once.
 */
@Component
class DecisionDeploymentListener extends AbstractCamundaConfiguration {

  private final DecisionDeployments deployments;

  DecisionDeploymentListener(DecisionDeployments deployments) {
    this.deployments = deployments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostDeployers() == null) {
      configuration.setCustomPostDeployers(new ArrayList<>());
    }
    configuration.getCustomPostDeployers().add(deployer());
  }

  private Deployer deployer() {
    return (DeploymentEntity deployment) -> {
      boolean hasDecisions = deployment.getResources() != null
          && deployment.getResources().keySet().stream().anyMatch(name -> name.endsWith(".dmn"));
      if (deployment.isNew() && hasDecisions) {
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, commandContext -> deployments.committed());
      }
    };
  }
}
