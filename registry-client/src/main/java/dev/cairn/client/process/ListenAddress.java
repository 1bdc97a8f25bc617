package dev.cairn.client.process;

import dev.cairn.client.ErrorText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks, before a server starts, that its listen address can be bound, so a taken port is reported
 * as one line naming the port and the variable that sets it, instead of after a slow start
 * (database, models) and beneath the web server's own stack trace.
 */
public final class ListenAddress {

  private ListenAddress() {}

  /**
   * Throws {@link IllegalStateException} when {@code host:port} cannot be bound now; port 0 (pick a
   * free one) always passes. A port taken between this check and the real bind is still caught by
   * the server itself.
   */
  public static void requireFree(String host, int port, String variable) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw notBound(host, port, variable, ErrorText.of(e));
    }
  }

  /**
   * The failure for a server that did not bind: Helidon logs a bind failure and returns a stopped
   * server rather than throwing, so callers check and throw this.
   */
  public static IllegalStateException notBound(String host, int port, String variable, String why) {
    return new IllegalStateException(
        "cannot listen on "
            + host
            + ":"
            + port
            + ", the port is already in use ("
            + why
            + "); set "
            + variable
            + " to another port");
  }
}
