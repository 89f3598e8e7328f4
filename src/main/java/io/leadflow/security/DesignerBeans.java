package io.leadflow.security;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans a model may name in an expression, and the only ones the engine resolves
 * (see {@link DesignerSandbox}): every bean that is a {@link JavaDelegate}, {@link TaskListener} or
 * {@link ExecutionListener} (found by type, so a delegate added tomorrow needs nothing here), plus the
 * helper beans listed in {@code leadflow.designer.beans} (today {@code journeyClock} and
 * {@code escalation}). Nothing else of the application (engine services, the environment,
 * repositories) is reachable from a model.
 *
 * <p>{@link #asMap()} is what the engine is given ({@code ProcessEngineConfigurationImpl#setBeans}):
 * it looks the beans up when an expression names them, not before, so delegates may depend on the
 * engine. (Not a map itself: Spring would inject a map parameter as a map of beans.)
 */
@Component
public class DesignerBeans {

  static final String HELPERS = "leadflow.designer.beans";
  private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private final ConfigurableListableBeanFactory beanFactory;
  private final List<String> helpers;
  private volatile Set<String> names;

  DesignerBeans(ConfigurableListableBeanFactory beanFactory, Environment environment) {
    this.beanFactory = beanFactory;
    this.helpers = Binder.get(environment).bind(HELPERS, Bindable.listOf(String.class)).orElse(List.of())
        .stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
  }

  /** The names a model may use: the delegates and listeners by type, then the documented helpers. */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      Set<String> found = new TreeSet<>();
      for (Class<?> type : DELEGATE_TYPES) {
        // by bean definition, without creating anything: this runs while the engine is being built
        found.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type, true, false)));
      }
      for (String helper : helpers) {
        if (!beanFactory.containsBean(helper)) {
          throw new IllegalStateException(HELPERS + " names '" + helper + "', which is no bean of this application");
        }
        found.add(helper);
      }
      known = names = Set.copyOf(found);
    }
    return known;
  }

  /** Whether a model may name this bean. */
  public boolean allows(String name) {
    return names().contains(name);
  }

  /** The bean's class as written (not a proxy's), or null when Spring cannot tell without creating it. */
  Class<?> typeOf(String name) {
    Class<?> type = beanFactory.getType(name, false);
    return type == null ? null : ClassUtils.getUserClass(type);
  }

  /** The beans by name, looked up when asked for; read-only. */
  public Map<Object, Object> asMap() {
    return view;
  }

  private final Map<Object, Object> view = new AbstractMap<>() {
    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && allows(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? beanFactory.getBean((String) key) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return names().stream()
          .map(name -> (Map.Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, beanFactory.getBean(name)))
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
  };
}
