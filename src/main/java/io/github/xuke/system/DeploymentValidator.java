package io.github.xuke.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
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
 * BPMN contains a script, a {@code camunda:class}, a {@code delegateExpression} naming a bean the
 * application does not have, or, in any attribute or text, an expression beyond
 * {@link DiagramExpressions}; whose DMN uses an expression language other than FEEL or a FEEL
 * {@code external} function; or that holds a CMMN case. Logic belongs in reviewed Java delegates,
 * and a typo in a bean name must fail at deployment, not in the middle of a citizen's case. The
 * whole deployment is refused, each problem naming its element, attribute and expression.
 */
public class DeploymentValidator implements Deployer {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** The names Camunda's DMN engine accepts for FEEL (lower case). */
  private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20180521/feel/",
      "http://www.omg.org/spec/dmn/20180521/feel/");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");
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
      List<Problem> problems = problemsOf(name, resource.getBytes());
      if (!problems.isEmpty()) {
        StringBuilder message = new StringBuilder("部署被拒绝 / deployment refused: ").append(name);
        problems.forEach(problem -> message.append("\n- ").append(problem.getMessage()));
        throw new ParseException(message.toString(), name, problems, List.of());
      }
    }
  }

  /** Every problem of one deployed resource, by its kind (BPMN, DMN, CMMN; others have none). */
  public List<Problem> problemsOf(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      return problems(bytes);
    }
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      return dmnProblems(bytes);
    }
    if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn10.xml") || lower.endsWith(".cmmn11.xml")) {
      return List.of(new RefusedElement(null, "资源 " + name + " 是 CMMN 案例模型：本系统不使用 CMMN，不允许部署"));
    }
    return List.of();
  }

  /** Every problem of one BPMN file, each naming its element. */
  public List<Problem> problems(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    List<Problem> problems = new ArrayList<>();
    check(model.getDocument().getRootElement(), null, null, problems);
    checkExpressions(parse(bpmn).getDocumentElement(), null, problems);
    return problems;
  }

  /** Every problem of one DMN file: a non-FEEL expression language, a FEEL external function. */
  public List<Problem> dmnProblems(byte[] dmn) {
    List<Problem> problems = new ArrayList<>();
    checkDmn(parse(dmn).getDocumentElement(), null, problems);
    return problems;
  }

  private static void checkDmn(Element element, String ownerId, List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
    String language = element.getAttribute("expressionLanguage");
    if (element.hasAttribute("expressionLanguage")
        && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
      problems.add(new RefusedElement(id, "元素 " + id + " 的属性 expressionLanguage=\"" + language
          + "\"：决策表只允许 FEEL 表达式"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkDmn(childElement, id, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue();
        if (FEEL_EXTERNAL.matcher(text).find() || text.contains("${") || text.contains("#{")) {
          problems.add(new RefusedElement(id, "元素 " + id + " 的表达式 \"" + text.trim()
              + "\"：不允许外部函数（external）或 JUEL 表达式"));
        }
      }
    }
  }

  /** Every attribute and text of the BPMN with an expression must stay inside the allowlist. */
  private static void checkExpressions(Element element, String ownerId, List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      for (String refusal : DiagramExpressions.refusals(attribute.getNodeValue())) {
        problems.add(new RefusedElement(id, "元素 " + id + " 的属性 " + attribute.getNodeName() + "："
            + refusal));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkExpressions(childElement, id, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        for (String refusal : DiagramExpressions.refusals(child.getNodeValue())) {
          problems.add(new RefusedElement(id, "元素 " + id + " 的 " + element.getNodeName() + " 内容："
              + refusal));
        }
      }
    }
  }

  /** A namespace-aware DOM of a diagram, with DOCTYPEs and external entities refused. */
  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new ParseException("部署被拒绝 / deployment refused: 文件不是有效的 XML（" + e.getMessage() + "）",
          null, List.of(), List.of());
    }
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
