package io.github.xuke.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Refuses any new deployment — at start or through {@code /engine-rest} from Camunda Modeler — whose
 * BPMN contains a script, a {@code camunda:class}, or a {@code delegateExpression} naming a bean the
 * application does not have. Logic belongs in reviewed Java delegates, and a typo in a bean name
 * must fail at deployment, not in the middle of a citizen's case. The whole deployment is refused.
 */
public class DeploymentValidator implements Deployer {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Pattern BEAN_EXPRESSION =
      Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

  private final Predicate<String> beanExists;

  public DeploymentValidator(Predicate<String> beanExists) {
    this.beanExists = beanExists;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // an existing deployment loaded into the cache: it was checked when it was made
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        List<Problem> problems = problems(resource.getBytes());
        if (!problems.isEmpty()) {
          StringBuilder message = new StringBuilder("部署被拒绝 / deployment refused: ").append(name);
          problems.forEach(problem -> message.append("\n- ").append(problem.getMessage()));
          throw new ParseException(message.toString(), name, problems, List.of());
        }
      }
    }
  }

  /** Every problem of one BPMN file, each naming its element. */
  public List<Problem> problems(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    List<Problem> problems = new ArrayList<>();
    check(model.getDocument().getRootElement(), null, null, problems);
    return problems;
  }

  private void check(DomElement element, String ownerId, String owner, List<Problem> problems) {
    String id = element.getAttribute("id") != null ? element.getAttribute("id") : ownerId;
    String where = element.getAttribute("id") != null ? describe(element) : owner;
    String local = element.getLocalName();
    String ns = element.getNamespaceURI();
    if (BPMN_NS.equals(ns) && local.equals("scriptTask")) {
      problems.add(new RefusedElement(id, "元素 " + where + " 是脚本任务（scriptTask）：不允许脚本，请改用 Java 委托（delegateExpression）"));
    } else if (CAMUNDA_NS.equals(ns) && local.equals("script")) {
      problems.add(new RefusedElement(ownerId, "元素 " + owner + " 含有 camunda:script 脚本：不允许脚本，请改用 Java 委托或 DMN"));
    } else if (element.getAttribute("scriptFormat") != null
        || (BPMN_NS.equals(ns) && element.getAttribute("language") != null
            && local.equals("conditionExpression"))) {
      problems.add(new RefusedElement(ownerId, "元素 " + owner + " 含有脚本（scriptFormat/language）：不允许脚本"));
    }
    if (element.getAttribute(CAMUNDA_NS, "class") != null) {
      problems.add(new RefusedElement(id, "元素 " + where + " 使用 camunda:class=\""
          + element.getAttribute(CAMUNDA_NS, "class")
          + "\"：请改用 camunda:delegateExpression=\"${beanName}\" 引用 Spring Bean"));
    }
    String delegateExpression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (delegateExpression != null) {
      Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression);
      if (!bean.matches()) {
        problems.add(new RefusedElement(id, "元素 " + where + " 的 delegateExpression \""
            + delegateExpression + "\" 应为 ${beanName} 形式"));
      } else if (!beanExists.test(bean.group(1))) {
        problems.add(new RefusedElement(id, "元素 " + where + " 的 delegateExpression 引用的 Bean \""
            + bean.group(1) + "\" 不存在"));
      }
    }
    for (DomElement child : element.getChildElements()) {
      check(child, id, where, problems);
    }
  }

  private static String describe(DomElement element) {
    String name = element.getAttribute("name");
    return name == null || name.isBlank()
        ? element.getAttribute("id")
        : element.getAttribute("id") + "（" + name + "）";
  }

  private record RefusedElement(String element, String message) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return -1;
    }

    @Override
    public int getColumn() {
      return -1;
    }

    @Override
    public String getMainElementId() {
      return element;
    }

    @Override
    public List<String> getElementIds() {
      return element == null ? List.of() : List.of(element);
    }
  }
}
