package dev.cairn.sidecar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of the registry, so a test can make the registry unreachable for
 * the sidecar (every connection cut, new ones refused) while the test itself still changes aliases
 * through the registry directly, or spoil the answers to file downloads ({@link Fault}).
 */
public final class TcpProxy implements AutoCloseable {

  /** What happens to the answer of a file download ({@code GET …/files/…}). */
  public enum Fault {
    /** Passed through. */
    NONE,
    /** The headers and 10 bytes, then nothing, the connection held open. */
    STALL,
    /** The headers and 10 bytes, then the connection closed. */
    TRUNCATE,
    /** Content-Length and the body 5 bytes longer than the registry sent. */
    LENGTHEN
  }

  private volatile Fault fault = Fault.NONE;

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean up = true;

  public TcpProxy(URI target) throws IOException {
    this.targetPort = target.getPort();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("tcp-proxy").start(this::accept);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** The registry is gone: open connections are cut and new ones closed at once. */
  public void down() {
    up = false;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public void up() {
    up = true;
  }

  /** Spoils every download answer from now on ({@link Fault#NONE} to stop). */
  public void fault(Fault next) {
    fault = next;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          client.close();
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        boolean[] download = new boolean[1];
        requests(client, upstream, download);
        answers(upstream, client, download);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  /** Client to registry: passes everything, noting whether the last request was a download. */
  private void requests(Socket from, Socket to, boolean[] download) {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  String head =
                      new String(buffer, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1);
                  if (head.startsWith("GET ")
                      || head.startsWith("PUT ")
                      || head.startsWith("POST ")) {
                    download[0] =
                        head.startsWith("GET ") && head.split(" ", 3)[1].contains("/files/");
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed; close both below.
              } finally {
                closeBoth(from, to);
              }
            });
  }

  /** Registry to client: spoils a download's answer as the fault says. */
  private void answers(Socket from, Socket to, boolean[] download) {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  Fault now = fault;
                  if (!download[0] || now == Fault.NONE) {
                    out.write(buffer, 0, n);
                    out.flush();
                    continue;
                  }
                  spoil(now, new String(buffer, 0, n, StandardCharsets.ISO_8859_1), in, out);
                  return;
                }
              } catch (IOException | InterruptedException e) {
                // One side closed, or the test is over; close both below.
              } finally {
                closeBoth(from, to);
              }
            });
  }

  private static void spoil(Fault fault, String first, InputStream in, OutputStream out)
      throws IOException, InterruptedException {
    int end = first.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("the answer's head did not come in one read");
    }
    String head = first.substring(0, end + 4);
    byte[] body = first.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    if (fault == Fault.LENGTHEN) {
      Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
      if (!length.find()) {
        throw new IOException("no Content-Length to lengthen");
      }
      long declared = Long.parseLong(length.group(1));
      out.write(
          length
              .replaceFirst("Content-Length: " + (declared + 5))
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      long rest = declared - body.length;
      byte[] buffer = new byte[8192];
      for (int n; rest > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, rest))) > 0; ) {
        out.write(buffer, 0, n);
        rest -= n;
      }
      out.write("EXTRA".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return;
    }
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, Math.min(10, body.length));
    out.flush();
    if (fault == Fault.STALL) {
      Thread.sleep(120_000);
    }
  }

  private void closeBoth(Socket from, Socket to) {
    closeQuietly(from);
    closeQuietly(to);
    open.remove(from);
    open.remove(to);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    down();
    server.close();
  }
}
