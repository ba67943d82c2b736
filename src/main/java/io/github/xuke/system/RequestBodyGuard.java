package io.github.xuke.system;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of an {@code /api} request without holding a Tomcat worker thread, before the
 * application sees it: a client that sends its body slowly (a byte every few seconds, as a slow-body
 * attack does) costs a connection and a little memory, never a thread. The body must arrive within
 * {@link RequestLimits#bodyTimeout()}, and after the first {@value #GRACE_MILLIS} ms at no less than
 * {@value #MIN_BYTES_PER_SECOND} bytes a second, or the request is answered 408 and its connection
 * closed; a body over {@link RequestLimits#maxBufferedBody()} is answered 413, and one that would take
 * the bodies being received together over {@link RequestLimits#bufferedBodiesTotal()} 503.
 *
 * <p>File uploads and form posts of a logged-in user are left to the application, which streams them
 * (Tomcat reads them in the worker thread, a bounded number at once: {@link RequestBodyValve}).
 *
 * <p>Runs after {@link ApiSecurity}, so an anonymous request to a non-public path is
 * refused before any of its body is read. Once the body is in, the request is dispatched again (an
 * async dispatch), and {@link ApiSecurity} runs again for that dispatch before this filter
 * hands the body on: the application never runs a request that was not authenticated on its own
 * dispatch. Should that filter ever not run there, a request that had a user is refused (fails closed).
 */
public class RequestBodyGuard extends HttpFilter {

  static final long GRACE_MILLIS = 2000;
  static final long MIN_BYTES_PER_SECOND = 256;
  private static final String BODY = RequestBodyGuard.class.getName() + ".body";
  private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);

  private final RequestLimits limits;
  /** Bytes held by the bodies being received or handled right now, across all requests. */
  private final AtomicLong buffered = new AtomicLong();

  public RequestBodyGuard(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof Received body) {
      request.removeAttribute(BODY);
      Object authenticated = request.getAttribute(EngineIdentityFilter.AUTHENTICATED_USER);
      if (body.user() != null && !body.user().equals(authenticated)) {
        log.error("{} reached the application's dispatch without being authenticated on it: "
            + "ApiSecurity must run on async dispatches", request.getRequestURI());
        refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请联系管理员。");
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body.bytes()), response);
      return;
    }
    if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request) || streamedByApplication(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limits.maxBufferedBody().toBytes()) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "请求内容过大。");
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(limits.bodyTimeout().toMillis());
    Reception reception = new Reception(async, request, response);
    async.addListener(reception);
    request.getInputStream().setReadListener(reception);
  }

  /** A body read in full, and the user who sent it ({@code null}: a public request). */
  private record Received(byte[] bytes, String user) {}

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** A logged-in user's upload or form: the application streams it (from disk for large uploads). */
  private static boolean streamedByApplication(HttpServletRequest request) {
    return request.getAttribute(EngineIdentityFilter.AUTHENTICATED_USER) != null
        && RequestBodyValve.streamedContent(request.getContentType());
  }

  /** Answers at once and closes the connection (408, 413 and 503 do), leaving the rest of the body unread. */
  private static void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  /** One body on its way in: read whenever Tomcat has bytes for it, then dispatched. */
  private final class Reception implements ReadListener, AsyncListener {

    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletInputStream input;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];
    private final long started = System.nanoTime();
    private final String user;
    private long held;
    private boolean over;

    Reception(AsyncContext async, HttpServletRequest request, HttpServletResponse response) throws IOException {
      this.async = async;
      this.request = request;
      this.response = response;
      this.input = request.getInputStream();
      this.user = (String) request.getAttribute(EngineIdentityFilter.AUTHENTICATED_USER);
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!over && input.isReady() && !input.isFinished()) {
        int read = input.read(chunk);
        if (read <= 0) {
          continue;
        }
        body.write(chunk, 0, read);
        held += read;
        if (body.size() > limits.maxBufferedBody().toBytes()) {
          end(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "请求内容过大。");
          return;
        }
        if (buffered.addAndGet(read) > limits.bufferedBodiesTotal().toBytes()) {
          end(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "BUSY", "系统繁忙，请稍后重试。");
          return;
        }
      }
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      if (!over && !input.isFinished()
          && body.size() < MIN_BYTES_PER_SECOND * (elapsedMillis - GRACE_MILLIS) / 1000) {
        end(HttpServletResponse.SC_REQUEST_TIMEOUT, "BODY_TOO_SLOW", "请求内容发送过慢，连接已关闭，请重试。");
      }
    }

    @Override
    public void onAllDataRead() {
      if (over) {
        return;
      }
      over = true;
      request.setAttribute(BODY, new Received(body.toByteArray(), user));
      async.dispatch();
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      end(HttpServletResponse.SC_REQUEST_TIMEOUT, "BODY_TIMEOUT",
          "请求内容未在 " + limits.bodyTimeout().toSeconds() + " 秒内发送完毕，连接已关闭，请重试。");
    }

    @Override
    public void onError(Throwable failure) {
      // the client went away: nothing to answer
      over = true;
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    /** The end of the request, however it ended (after the application's dispatch too): the body is let go. */
    @Override
    public void onComplete(AsyncEvent event) {
      buffered.addAndGet(-held);
      held = 0;
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not started again
    }

    private void end(int status, String code, String message) throws IOException {
      if (over) {
        return;
      }
      over = true;
      refuse(response, status, code, message);
      async.complete();
    }
  }
}
