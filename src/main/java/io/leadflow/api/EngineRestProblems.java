package io.leadflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}) answers a client's mistake as one, not as a 500
 * (issue 17, case 7). Camunda's own mappers answer 500 for a {@link TaskAlreadyClaimedException},
 * for a {@link NullValueException} ("Cannot find task with id ...") and for the REST layer's
 * wrappers of both ("Cannot complete task ...", "No job found with id ..."); here:
 * <ul>
 *   <li>409 Conflict: the task is claimed by someone else, another request changed the same thing
 *       at the same time ({@link OptimisticLockingException}), the entity is suspended;
 *   <li>404 Not Found: the task, job, execution, ... does not exist ({@link NotFoundException}, or
 *       a {@link NullValueException} that says so);
 *   <li>400 Bad Request: another {@link NullValueException} (a value the request left out).
 * </ul>
 * The body is problem details ({@code application/problem+json}: {@code title}, {@code status},
 * {@code detail}) that keeps Camunda's own members ({@code type}: the exception's name,
 * {@code message}), which Camunda Modeler and other Camunda clients show. Everything else
 * (authorizations, parse errors, real failures) is answered by Camunda's mappers as before.
 *
 * <p>Camunda's mappers for {@link ProcessEngineException} and {@link RestException} are replaced
 * by ones that decide first and hand the rest back to them: two mappers for one exception type
 * would leave Jersey's choice open.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NOT_FOUND =
      Pattern.compile("(?i)(cannot find|no \\w+( \\w+)? found|doesn't exist|does not exist|not found)");

  /** Replaces the starter's resource configuration (it steps back: {@code @ConditionalOnMissingBean}). */
  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new EngineRestResources();
  }

  @ApplicationPath("/engine-rest")
  static class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
      configuration.remove(ProcessEngineExceptionHandler.class);
      configuration.remove(RestExceptionHandler.class);
      registerClasses(configuration);
      register(JacksonFeature.class);
      register(new EngineExceptions());
      register(new RestExceptions());
    }
  }

  /** The engine's exceptions as they leave a resource unwrapped. */
  static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return problem(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** The REST layer's wrappers: only those that would answer 500 for a client's mistake. */
  static final class RestExceptions implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      boolean serverError = exception.getStatus() == null
          || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
      Optional<Response> answer = serverError ? problem(exception) : Optional.empty();
      return answer.orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** A client's mistake as problem details, or empty when Camunda's answer stands. */
  static Optional<Response> problem(Throwable exception) {
    Response.Status status = null;
    for (Throwable cause = exception; cause != null && status == null; cause = cause.getCause()) {
      status = status(cause);
    }
    if (status == null) {
      return Optional.empty();
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("type", exception.getClass().getSimpleName());
    body.put("title", status.getReasonPhrase());
    body.put("status", status.getStatusCode());
    body.put("detail", exception.getMessage());
    body.put("message", exception.getMessage());
    return Optional.of(Response.status(status).type(PROBLEM_JSON).entity(body.toString()).build());
  }

  private static Response.Status status(Throwable exception) {
    if (exception instanceof AuthorizationException) {
      return null;
    }
    if (exception instanceof TaskAlreadyClaimedException
        || exception instanceof OptimisticLockingException
        || exception instanceof SuspendedEntityInteractionException) {
      return Response.Status.CONFLICT;
    }
    if (exception instanceof NotFoundException) {
      return Response.Status.NOT_FOUND;
    }
    if (exception instanceof NullValueException) {
      return saysNotFound(exception) ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
    }
    if (exception instanceof RestException || exception.getClass() == ProcessEngineException.class) {
      // "No job found with id ..." and the like come as plain engine exceptions or REST wrappers
      return saysNotFound(exception) ? Response.Status.NOT_FOUND : null;
    }
    return null;
  }

  private static boolean saysNotFound(Throwable exception) {
    return exception.getMessage() != null && NOT_FOUND.matcher(exception.getMessage()).find();
  }
}
