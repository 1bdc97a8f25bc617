package dev.cairn.registry.http.transport;

import io.helidon.common.socket.SocketOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Socket options of accepted connections with a read deadline (spec 40-security: connections are
 * bounded): no read waits longer than the idle timeout for a byte, whether the connection has not
 * sent its first request yet (Helidon 4.1 keeps such a connection for ever: its idle check only
 * sees connections whose protocol is known), waits between requests, or trickles a body. Helidon
 * applies {@code readTimeout} only to client sockets, so the server sets {@code SO_TIMEOUT} here.
 */
public final class ReadDeadlineOptions implements SocketOptions {

  private final SocketOptions delegate;
  private final Duration readTimeout;

  public ReadDeadlineOptions(SocketOptions delegate, Duration readTimeout) {
    this.delegate = delegate;
    this.readTimeout = readTimeout;
  }

  @Override
  public void configureSocket(Socket socket) {
    delegate.configureSocket(socket);
    try {
      socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<SocketOption<?>, Object> socketOptions() {
    return delegate.socketOptions();
  }

  @Override
  public Duration connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public Optional<Integer> socketReceiveBufferSize() {
    return delegate.socketReceiveBufferSize();
  }

  @Override
  public Optional<Integer> socketSendBufferSize() {
    return delegate.socketSendBufferSize();
  }

  @Override
  public boolean socketReuseAddress() {
    return delegate.socketReuseAddress();
  }

  @Override
  public boolean socketKeepAlive() {
    return delegate.socketKeepAlive();
  }

  @Override
  public boolean tcpNoDelay() {
    return delegate.tcpNoDelay();
  }
}
