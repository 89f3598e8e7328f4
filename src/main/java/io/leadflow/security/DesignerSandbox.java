package io.leadflow.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A model is code: this plugin keeps what a model can do to what Leadflow offers designers
 * (docs/security.md, "What a deployment may contain").
 * <ul>
 *   <li>At runtime, for every model whoever deployed it: expressions resolve process variables,
 *       {@code execution}/{@code task} and {@link DesignerBeans} only. Without this the Spring
 *       integration resolves every bean of the application ({@code identityService},
 *       {@code environment}, repositories) in any expression, run by the job executor without a user
 *       and without authorization checks.
 *   <li>At deployment, for deployers who are not administrators: {@link DeploymentGuard}.
 * </ul>
 */
@Component
class DesignerSandbox extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;
  private final DesignerBeans designerBeans;
  private final ConfigurableListableBeanFactory beanFactory;

  DesignerSandbox(ApplicationContext applicationContext, DesignerBeans designerBeans, ConfigurableListableBeanFactory beanFactory) {
    this.applicationContext = applicationContext;
    this.designerBeans = designerBeans;
    this.beanFactory = beanFactory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the Spring integration built its expression manager with the whole application context
    // before plugins run: replace it with one that knows the designer beans only (also for scripts)
    configuration.setBeans(designerBeans.asMap());
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, designerBeans.asMap()));

    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new DeploymentGuard(new ModelPolicy(new ExpressionPolicy(designerBeans, beanFactory))));
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the deployment check lets DMN without an expressionLanguage through: that must mean FEEL
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn != null) {
      for (String language : List.of(dmn.getDefaultInputExpressionExpressionLanguage(),
          dmn.getDefaultInputEntryExpressionLanguage(), dmn.getDefaultOutputEntryExpressionLanguage(),
          dmn.getDefaultLiteralExpressionLanguage())) {
        if (!ModelPolicy.isFeel(language)) {
          throw new IllegalStateException("Leadflow expects FEEL as the default DMN expression language, found " + language);
        }
      }
    }
  }
}
