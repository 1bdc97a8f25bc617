package dev.cairn.registry.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
    DnsResolver resolver =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress address : all) {
              if (!addresses.permits(address)) {
                throw new InsideAddressException(host, address);
              }
            }
            return Arrays.copyOf(all, all.length);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
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
    ClassicHttpResponse response = client.executeOpen(null, new HttpGet(uri), null);
    HttpEntity entity = response.getEntity();
    if (response.getCode() != 200 || entity == null) {
      response.close();
      throw new IOException(uri.getHost() + " answered " + response.getCode());
    }
    InputStream body = entity.getContent();
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
