package io.github.xuke.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's part of the defence against slow request bodies, for every path of the server:
 * <ul>
 *   <li>A request answered without its body having been read — refused for want of a login, not found,
 *   not allowed — has its connection closed after the answer. Tomcat would otherwise read the rest of
 *   the body in the worker thread (to keep the connection for the next request), as slowly as the
 *   client cares to send it: an anonymous client could hold every thread that way.
 *   <li>Requests whose body the application reads in a worker thread — file uploads and forms, the
 *   Camunda webapps, engine-rest; everything else under {@code /api} is read by {@link RequestBodyGuard}
 *   without a thread — are at most {@link RequestLimits#workerBodyReaders()} at once; one more is
 *   answered 503 at once. Slow senders can then hold those threads, never all of them: health, the
 *   portal and the API keep answering.
 * </ul>
 */
public class RequestBodyValve extends ValveBase {

  private final Semaphore workerBodyReaders;

  public RequestBodyValve(int workerBodyReaders) {
    super(true);
    this.workerBodyReaders = new Semaphore(workerBodyReaders);
  }

  /** Bodies the application streams itself, which {@link RequestBodyGuard} leaves alone. */
  static boolean streamedContent(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    // uploads, forms and file imports (the expert CSV, text/csv or octet-stream) stream to their endpoint
    return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("text/csv") || type.startsWith("application/octet-stream");
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean readInWorker = hasBody(request)
        && !(path.startsWith("/api/") && !streamedContent(request.getContentType()));
    boolean permitted = readInWorker && workerBodyReaders.tryAcquire();
    try {
      if (readInWorker && !permitted) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"code\":\"BUSY\",\"message\":\"系统繁忙，请稍后重试。\"}");
      } else {
        getNext().invoke(request, response);
      }
    } finally {
      if (permitted) {
        workerBodyReaders.release();
      }
      if (!request.isAsync() && !request.getCoyoteRequest().isFinished()) {
        closeWithoutReadingTheRest(response);
      }
    }
  }

  /**
   * Answer, then close, instead of reading the rest of the body (Tomcat would, even after a 503). The
   * client is told ({@code Connection: close}), so it does not send its next request on this connection.
   * Tomcat marks the exchange as failed for that; the answer stays the application's, not an error page.
   */
  private static void closeWithoutReadingTheRest(Response response) {
    if (response.isCommitted() && !"close".equalsIgnoreCase(response.getHeader("Connection"))) {
      // the answer already went out without "Connection: close" (the application flushed it): the
      // client will send its next request on this connection, so the rest is read as Tomcat does
      return;
    }
    if (!response.isCommitted()) {
      response.setHeader("Connection", "close");
      if (response.getStatus() < 400) {
        // an answer without a body (a 204 logout) is not committed yet: send it as it is, or Tomcat
        // would turn the unread body into an error of its own (a 500)
        try {
          response.flushBuffer();
        } catch (IOException clientGone) {
          // nothing to answer
        }
      }
    }
    boolean errorPageDue = response.getCoyoteResponse().isErrorReportRequired();
    response.getRequest().getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    if (!errorPageDue) {
      response.getCoyoteResponse().setErrorReported();
    }
  }

  private static boolean hasBody(Request request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
