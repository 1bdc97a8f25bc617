package dev.cairn.registry.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
 */
final class GuardedHttp implements AutoCloseable {

  /** A refusal by address: reported to the caller like any other fetch failure. */
  static final class InsideAddressException extends UnknownHostException {
    InsideAddressException(String host, InetAddress address) {
      super(host + " resolves to " + address.getHostAddress() + ", which references may not reach");
    }
  }

  private final CloseableHttpClient client;

  GuardedHttp(ReferenceAddresses addresses) {
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
    return answer.body();
  }

  /**
   * Any answer to {@code GET uri} with {@code headers} (the OCI client reads 401 challenges and 3xx
   * locations itself); the caller closes it. The body is empty when the answer has none.
   */
  Answer get(URI uri, Map<String, String> headers) throws IOException {
    HttpGet get = new HttpGet(uri);
    headers.forEach(get::addHeader);
    ClassicHttpResponse response = client.executeOpen(null, get, null);
    HttpEntity entity = response.getEntity();
    InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
    return new Answer(
        response.getCode(),
        name -> Optional.ofNullable(response.getFirstHeader(name)).map(h -> h.getValue()),
        closing(raw, response));
  }

  /** An answer's status, headers by name and body stream; closing it releases the connection. */
  record Answer(int status, Function<String, Optional<String>> header, InputStream body)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  private static InputStream closing(InputStream body, ClassicHttpResponse response) {
    return new FilterInputStream(body) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          response.close();
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
