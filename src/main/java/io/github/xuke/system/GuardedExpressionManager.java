package io.github.xuke.system;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The engine's expression manager with a fence: an expression — in a diagram, a task query or a
 * stored filter — reaches process variables, the engine's functions ({@code currentUser()} …),
 * the application's own beans by name, and on those only the methods and properties listed in
 * {@link DiagramExpressions}. Everything else ({@code ''.getClass()}, class loaders, reflection,
 * {@code Runtime}, the Spring {@code Environment}, the engine's services, any method of a variable's
 * value) is refused with an {@link ELException} before it runs. The deployment check keeps such
 * expressions out of the diagrams; this is the second wall.
 */
public class GuardedExpressionManager extends SpringExpressionManager {

  /** The package of the application's own beans: the only beans an expression can name. */
  static final String APP_PACKAGE = "io.github.xuke.";

  public GuardedExpressionManager(ApplicationContext applicationContext) {
    super(applicationContext, null);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new AppBeanResolver(applicationContext));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new FencedBeanResolver(applicationContext));
    return resolver;
  }

  static ELException refused(String what) {
    return new ELException("表达式不允许访问 " + what + "（见 DiagramExpressions）");
  }

  /** Resolves a top-level name to a bean of the application's own package, and nothing else. */
  static final class AppBeanResolver extends ELResolver {

    private final ApplicationContext context;

    AppBeanResolver(ApplicationContext context) {
      this.context = context;
    }

    private boolean isAppBean(Object base, Object property) {
      if (base != null || !(property instanceof String name) || !context.containsBean(name)) {
        return false;
      }
      Class<?> type = context.getType(name);
      return type != null && ClassUtils.getUserClass(type).getName().startsWith(APP_PACKAGE);
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (!isAppBean(base, property)) {
        return null;
      }
      elContext.setPropertyResolved(true);
      return context.getBean((String) property);
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      if (!isAppBean(base, property)) {
        return null;
      }
      elContext.setPropertyResolved(true);
      return context.getType((String) property);
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      if (isAppBean(base, property)) {
        throw refused("Bean " + property + " 的赋值");
      }
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return Object.class;
    }
  }

  /**
   * The last resolver, for any object that is not a map, list or array: it lets through only the
   * listed methods of the listed beans and the listed properties of {@code execution}.
   */
  static final class FencedBeanResolver extends BeanELResolver {

    private final ApplicationContext context;
    private volatile Map<Class<?>, Set<String>> allowedMethods;

    FencedBeanResolver(ApplicationContext context) {
      super(true);
      this.context = context;
    }

    private Map<Class<?>, Set<String>> allowedMethods() {
      if (allowedMethods == null) {
        Map<Class<?>, Set<String>> methods = new ConcurrentHashMap<>();
        DiagramExpressions.BEAN_METHODS.forEach((bean, names) -> {
          if (context.containsBean(bean) && context.getType(bean) != null) {
            methods.put(ClassUtils.getUserClass(context.getType(bean)), names);
          }
        });
        allowedMethods = methods;
      }
      return allowedMethods;
    }

    private boolean mayCall(Object base, Object method) {
      Set<String> methods = allowedMethods().get(ClassUtils.getUserClass(base.getClass()));
      return methods != null && methods.contains(String.valueOf(method));
    }

    private static boolean mayRead(Object base, Object property) {
      return base instanceof DelegateExecution
          && DiagramExpressions.EXECUTION_PROPERTIES.contains(String.valueOf(property));
    }

    private static String describe(Object base, Object member) {
      return base.getClass().getName() + "." + member;
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (base == null) {
        return null;
      }
      if (!mayRead(base, property)) {
        throw refused(describe(base, property));
      }
      return super.getValue(elContext, base, property);
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      if (base == null) {
        return null;
      }
      if (!mayRead(base, property)) {
        throw refused(describe(base, property));
      }
      return super.getType(elContext, base, property);
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      if (base != null) {
        throw refused(describe(base, property) + " 的赋值");
      }
    }

    @Override
    public Object invoke(ELContext elContext, Object base, Object method, Class<?>[] paramTypes,
        Object[] params) {
      if (base == null) {
        return null;
      }
      if (!mayCall(base, method)) {
        throw refused(describe(base, method) + "()");
      }
      return super.invoke(elContext, base, method, paramTypes, params);
    }
  }
}
