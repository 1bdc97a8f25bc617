package dev.cairn.initializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder to the registry that holds, unanswered, the first request whose bytes
 * contain {@code marker}: a download that hangs at a known point, so a test can kill the
 * initializer there instead of racing it.
 */
final class GateProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final String marker;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean holding;

  GateProxy(InetSocketAddress target, String marker) throws IOException {
    this.target = target;
    this.marker = marker;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Whether a request with the marker arrived and is being held. */
  boolean holding() {
    return holding;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> requests(client, upstream));
        Thread.ofVirtual().start(() -> copy(upstream, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Forwards requests until one carries the marker; that one (and all after) is never sent. */
  private void requests(Socket client, Socket upstream) {
    StringBuilder recent = new StringBuilder();
    byte[] buffer = new byte[8192];
    try (InputStream in = client.getInputStream()) {
      OutputStream out = upstream.getOutputStream();
      for (int n; (n = in.read(buffer)) > 0; ) {
        recent.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        if (holding || recent.indexOf(marker) >= 0) {
          holding = true;
          continue;
        }
        recent.delete(0, Math.max(0, recent.length() - marker.length()));
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // the client went away (killed): nothing to forward
    }
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      in.transferTo(to.getOutputStream());
    } catch (IOException closed) {
      // either side closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
