package io.leadflow.journey;

import io.leadflow.delivery.DeliveryOutcomeUnknown;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultFailedJobConfiguration;
import org.springframework.stereotype.Component;

/**
 * A send whose outcome is unknown ({@link DeliveryOutcomeUnknown}: the mail server took the email
 * and did not answer) is not retried: retrying cannot help (the delivery is never sent again by
 * itself) and only delays the person who must decide. The job becomes an incident at once, with
 * the delivery's explanation as its message. Every other failure keeps the model's retry cycle.
 * Uses the engine's documented hook for failed jobs ({@code failedJobCommandFactory}).
 */
@Component
class UnknownOutcomeIncidents extends DefaultFailedJobConfiguration {

  /** The starter's failed-job set-up (the retry cycle's parse listener), with this factory: replaces the starter's bean. */
  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    super.preInit(configuration);
    configuration.setFailedJobCommandFactory(new DefaultFailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return outcomeUnknown(exception) ? new IncidentAtOnce(jobId, exception) : super.getCommand(jobId, exception);
      }
    });
  }

  static boolean outcomeUnknown(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeliveryOutcomeUnknown) {
        return true;
      }
    }
    return false;
  }

  /** What the engine does with a failed job, with no retries left. */
  private static final class IncidentAtOnce extends JobRetryCmd {

    IncidentAtOnce(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null) {
        return null;
      }
      job.unlock();
      logException(job);
      job.setRetries(0);
      notifyAcquisition(commandContext);
      return null;
    }
  }
}
