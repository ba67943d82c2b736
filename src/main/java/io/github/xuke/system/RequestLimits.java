package io.github.xuke.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long and how large a request body may be while the app waits for it ({@code xuke.requests.*}),
 * the defence against clients that send their body slowly to tie up the server.
 *
 * @param bodyTimeout the whole body of an {@code /api} request (other than a file upload) must have
 *     arrived within this time, or the request is answered 408 and its connection closed
 * @param maxBufferedBody the largest such body (413 above it)
 * @param bufferedBodiesTotal what all bodies being received may hold together (503 above it)
 * @param workerBodyReaders how many requests at once may read their body in a Tomcat worker thread
 *     (file uploads, the Camunda webapps, engine-rest); further ones are answered 503 at once, so that
 *     slow senders never hold every thread
 */
@ConfigurationProperties("xuke.requests")
public record RequestLimits(
    @DefaultValue("10s") Duration bodyTimeout,
    @DefaultValue("1MB") DataSize maxBufferedBody,
    @DefaultValue("64MB") DataSize bufferedBodiesTotal,
    @DefaultValue("100") int workerBodyReaders) {}
