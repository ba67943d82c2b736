package io.github.xuke.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one list of what an expression may reach — in a diagram (checked at deployment by
 * {@link DeploymentValidator}) and at run time (enforced by {@link GuardedExpressionManager}):
 * process variables, literals, comparisons and logic, the delegate beans by name, and a few
 * execution properties; no bean methods. No class, reflection, collection method or chained call is reachable. Task queries
 * and stored filters may use only {@link #FILTER_EXPRESSIONS}.
 */
public final class DiagramExpressions {

  /**
   * Bean name → the public methods of that bean that diagrams may call: none. A timer or a due date
   * reads a variable that the code wrote when the value changed ({@code ${dueAt}}); a bean called
   * from the XML would be logic in the diagram. The map stays as the one place a reviewed exception
   * would have to be written down.
   */
  public static final Map<String, Set<String>> BEAN_METHODS = Map.of();

  /** Properties of {@code execution} that diagrams read (the called process's business key). */
  public static final Set<String> EXECUTION_PROPERTIES =
      Set.of("processBusinessKey", "processInstanceId", "businessKey");

  /** The implicit variable of the executing element. */
  public static final String EXECUTION = "execution";

  /** The only expressions a task query or a stored filter may hold: Tasklist's own. */
  public static final Set<String> FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}");

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le",
      "ge", "empty", "div", "mod", "true", "false", "null");

  private DiagramExpressions() {}

  /**
   * Why an expression text (a whole attribute or element text, possibly with several
   * {@code ${…}} parts) is not allowed, or an empty list when it is.
   */
  public static List<String> refusals(String text) {
    List<String> refusals = new ArrayList<>();
    int at = 0;
    while (true) {
      int start = nextStart(text, at);
      if (start < 0) {
        return refusals;
      }
      int end = closing(text, start + 2);
      if (end < 0) {
        refusals.add("表达式未闭合：" + text.substring(start));
        return refusals;
      }
      String body = text.substring(start + 2, end);
      String refusal = refusal(body);
      if (refusal != null) {
        refusals.add(refusal + "：" + text.substring(start, end + 1));
      }
      at = end + 1;
    }
  }

  private static int nextStart(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    if (dollar < 0) {
      return hash;
    }
    return hash < 0 ? dollar : Math.min(dollar, hash);
  }

  /** The closing brace of an expression, skipping string literals. */
  private static int closing(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private enum Kind { IDENT, STRING, NUMBER, DOT, OPEN, CLOSE, COMMA, OPERATOR }

  private record Token(Kind kind, String text) {}

  /** Why one expression body (inside the braces) is refused, or null. */
  static String refusal(String body) {
    List<Token> tokens;
    try {
      tokens = tokens(body);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (tokens.isEmpty()) {
      return "空表达式";
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      Token previous = i > 0 ? tokens.get(i - 1) : null;
      if (token.kind() == Kind.DOT) {
        if (previous == null || previous.kind() != Kind.IDENT || next == null || next.kind() != Kind.IDENT) {
          return "只允许调用已登记的 Bean 方法（不允许对结果再调用）";
        }
        if (i >= 2 && tokens.get(i - 2).kind() == Kind.DOT) {
          return "不允许链式调用";
        }
        String base = previous.text();
        String member = next.text();
        boolean call = i + 2 < tokens.size() && tokens.get(i + 2).kind() == Kind.OPEN;
        if (EXECUTION.equals(base)) {
          if (call || !EXECUTION_PROPERTIES.contains(member)) {
            return "execution 只允许读取 " + EXECUTION_PROPERTIES;
          }
        } else if (!BEAN_METHODS.getOrDefault(base, Set.of()).contains(member) || !call) {
          return "方法 " + base + "." + member + " 不在允许清单中（DiagramExpressions）";
        }
        if (call && closeOf(tokens, i + 2) + 1 < tokens.size()
            && tokens.get(closeOf(tokens, i + 2) + 1).kind() == Kind.DOT) {
          return "不允许链式调用";
        }
      } else if (token.kind() == Kind.OPEN && (previous != null && previous.kind() == Kind.IDENT
          && (i < 2 || tokens.get(i - 2).kind() != Kind.DOT) && !KEYWORDS.contains(previous.text()))) {
        return "不允许调用函数 " + previous.text() + "()";
      } else if (token.kind() == Kind.CLOSE && next != null && next.kind() == Kind.DOT) {
        return "不允许链式调用";
      }
    }
    return null;
  }

  private static int closeOf(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == Kind.OPEN) {
        depth++;
      } else if (tokens.get(i).kind() == Kind.CLOSE && --depth == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">",
      "!", "+", "-", "*", "/", "%", "?", ":");

  private static List<Token> tokens(String body) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c) && c != '$') {
        int start = i;
        while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i)) && body.charAt(i) != '$') {
          i++;
        }
        tokens.add(new Token(Kind.IDENT, body.substring(start, i)));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, body.substring(start, i)));
      } else if (c == '\'' || c == '"') {
        int start = i++;
        while (i < body.length() && body.charAt(i) != c) {
          i += body.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= body.length()) {
          throw new IllegalArgumentException("字符串未闭合");
        }
        i++;
        tokens.add(new Token(Kind.STRING, body.substring(start, i)));
      } else if (c == '.') {
        tokens.add(new Token(Kind.DOT, "."));
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "("));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")"));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ","));
        i++;
      } else {
        String operator = null;
        for (String candidate : OPERATORS) {
          if (body.startsWith(candidate, i)) {
            operator = candidate;
            break;
          }
        }
        if (operator == null) {
          throw new IllegalArgumentException("不允许的字符 '" + c + "'");
        }
        tokens.add(new Token(Kind.OPERATOR, operator));
        i += operator.length();
      }
    }
    return tokens;
  }
}
