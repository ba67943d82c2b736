package io.github.xuke.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda 7 CE's task-query expression hole (a user-sent {@code assigneeExpression},
 * {@code candidateGroupsExpression} … — also nested in {@code orQueries} — is evaluated by the
 * engine): on {@code /engine-rest} and the webapps' engine API, a request with any parameter or
 * JSON field named {@code …Expression} that holds a value is refused with 400 before anything is
 * evaluated, whatever the path, the user or the nesting. Only a stored filter may hold Tasklist's
 * own expressions ({@link DiagramExpressions#FILTER_EXPRESSIONS}); creating filters is the
 * admin's (authorization). A JSON body that cannot be read is refused too: what the guard cannot
 * read, it does not let through.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  /** JSON bodies of the engine API are small; a larger one is refused before it is read whole. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private static final Pattern FILTER_UPDATE = Pattern.compile(".*/filter/[^/]+/?$");
  private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuard.class);
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<String> parameter = expressionParameter(request.getQueryString());
    if (parameter.isPresent()) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
          "查询参数 " + parameter.get() + " 含有表达式：不允许在查询中使用表达式。");
      return;
    }
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求内容过大。");
      return;
    }
    JsonNode json = null;
    try {
      json = body.length == 0 ? null : mapper.readTree(body);
    } catch (JsonProcessingException e) {
      if (isJson(request.getContentType())) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "请求内容不是有效的 JSON（或有重复字段）。");
        return;
      }
    }
    String path = path(request);
    boolean filterWrite = ("POST".equals(request.getMethod()) && path.endsWith("/filter/create"))
        || ("PUT".equals(request.getMethod()) && FILTER_UPDATE.matcher(path).matches());
    Optional<String> field = json == null ? Optional.empty() : expressionField(json, "", filterWrite);
    if (field.isPresent()) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
          "字段 " + field.get() + " 含有表达式：不允许在查询中使用表达式"
              + (filterWrite ? "（过滤器只允许 " + DiagramExpressions.FILTER_EXPRESSIONS + "）" : "") + "。");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** A parameter named {@code …Expression}, found in the raw query string (the body is not read). */
  static Optional<String> expressionParameter(String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of(name);
      }
      if (isExpressionName(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * The path of the first field named {@code …Expression} that holds a value (a process variable
   * of that name is an object and passes), at any depth.
   */
  static Optional<String> expressionField(JsonNode node, String path, boolean filterWrite) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = expressionField(node.get(i), path + "[" + i + "]", filterWrite);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = field.getValue();
        if (isExpressionName(field.getKey()) && !value.isObject() && !value.isNull()
            && !(filterWrite && value.isTextual()
                && DiagramExpressions.FILTER_EXPRESSIONS.contains(value.asText()))) {
          return Optional.of(fieldPath);
        }
        Optional<String> found = expressionField(value, fieldPath, filterWrite);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isExpressionName(String name) {
    return name.trim().toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private static boolean hasBody(HttpServletRequest request) {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    return !multipart && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
  }

  private static boolean isJson(String contentType) {
    return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  private static String path(HttpServletRequest request) {
    return (request.getServletPath() == null ? "" : request.getServletPath())
        + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status,
      String message) throws IOException {
    log.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
        request.getRemoteAddr(), message);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(new ObjectMapper().writeValueAsString(
        Map.of("type", "InvalidRequestException", "message", message)));
  }
}
