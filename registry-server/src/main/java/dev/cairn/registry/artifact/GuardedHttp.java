package dev.cairn.registry.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Fetches {@code http(s)} references through a DNS resolver that refuses addresses {@link
 * ReferenceAddresses} does not permit (spec 40-security: references cannot reach inside). The
 * client connects only to the addresses the resolver returned, so the check holds on the connection
 * actually made: a name that resolves differently a moment later (DNS rebinding) cannot slip past
 * it, and TLS still verifies the name. No redirects, no retries; 10 s to connect, 30 s per read.
 *
 * <p>A peer can send for ever, so per-read timeouts bound nothing: an answer (status, headers and
 * the small bodies read whole: a manifest, a token, a challenge) must be done within {@link
 * #EXCHANGE}, after which its request is cancelled; and a body closed before its end is aborted
 * rather than drained (HttpClient reads the rest on close, to reuse the connection), so a caller
 * that stops at its limit is not held by what the peer sends after it. A body handed on as a stream
 * ({@link Answer#stream()}: a blob, a reference) has no total deadline, as a large model
 * legitimately takes long; its reader stops at the size it expects.
 */
final class GuardedHttp implements AutoCloseable {

  /** A refusal by address: reported to the caller like any other fetch failure. */
  static final class InsideAddressException extends UnknownHostException {
    InsideAddressException(String host, InetAddress address) {
      super(host + " resolves to " + address.getHostAddress() + ", which references may not reach");
    }
  }

  /** The longest an answer and a body read whole may take. */
  static final Duration EXCHANGE = Duration.ofSeconds(60);

  private final CloseableHttpClient client;
  private final RequestDeadlines deadlines = new RequestDeadlines("cairn-fetch-deadlines");
  private final Duration exchange;

  GuardedHttp(ReferenceAddresses addresses) {
    this(addresses, EXCHANGE);
  }

  /** With another {@link #EXCHANGE}: tests that must not wait a minute for one. */
  GuardedHttp(ReferenceAddresses addresses, Duration exchange) {
    this.exchange = exchange;
    DnsResolver resolver = new GuardedDns(addresses, InsideAddressException::new);
    client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(resolver)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(10, TimeUnit.SECONDS)
                            .setSocketTimeout(30, TimeUnit.SECONDS)
                            .build())
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(16)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
  }

  /** The body of a 200 answer to {@code GET uri}; anything else is an IOException. */
  InputStream open(URI uri) throws IOException {
    Answer answer = get(uri, Map.of());
    if (answer.status() != 200) {
      answer.close();
      throw new IOException(uri.getHost() + " answered " + answer.status());
    }
    return answer.stream();
  }

  /**
   * Any answer to {@code GET uri} with {@code headers} (the OCI client reads 401 challenges and 3xx
   * locations itself); the caller closes it. The body is empty when the answer has none.
   */
  Answer get(URI uri, Map<String, String> headers) throws IOException {
    HttpGet get = new HttpGet(uri);
    headers.forEach(get::addHeader);
    RequestDeadlines.Armed armed = deadlines.arm(get, exchange);
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(null, get, null);
    } catch (IOException | RuntimeException e) {
      armed.close();
      throw e;
    }
    HttpEntity entity = response.getEntity();
    InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
    return new Answer(
        response.getCode(),
        name -> Optional.ofNullable(response.getFirstHeader(name)).map(h -> h.getValue()),
        new Body(raw, get, response, armed));
  }

  /** An answer's status, headers by name and body stream; closing it releases the connection. */
  record Answer(int status, Function<String, Optional<String>> header, Body body)
      implements AutoCloseable {

    /** The body to be read as a stream of any length: {@link #EXCHANGE} no longer applies. */
    InputStream stream() {
      body.deadline.close();
      return body;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /**
   * A body that knows whether it was read to its end: closed before it, its request is aborted (the
   * socket closed) rather than drained.
   */
  static final class Body extends FilterInputStream {
    private final HttpGet get;
    private final ClassicHttpResponse response;
    private final RequestDeadlines.Armed deadline;
    private boolean ended;

    private Body(
        InputStream in,
        HttpGet get,
        ClassicHttpResponse response,
        RequestDeadlines.Armed deadline) {
      super(in);
      this.get = get;
      this.response = response;
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b == -1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n == -1;
      return n;
    }

    @Override
    public void close() throws IOException {
      deadline.close();
      boolean discard = !ended;
      if (discard) {
        get.abort();
      }
      try {
        super.close();
      } catch (IOException e) {
        // An aborted body fails to close on its closed socket: the connection is gone anyway.
        if (!discard && !get.isCancelled()) {
          throw e;
        }
      } finally {
        closeQuietly(response);
      }
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // Nothing to release that the abort or the body's close did not already.
    }
  }

  @Override
  public void close() throws IOException {
    deadlines.close();
    client.close();
  }
}
