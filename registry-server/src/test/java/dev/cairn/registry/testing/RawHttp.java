package dev.cairn.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Bytes written to a raw socket, and everything the server answers until it closes. */
public final class RawHttp {

  /** What came back: every status line, the whole text, and whether the server closed. */
  public record Exchange(List<Integer> statuses, String text, boolean closed) {}

  private RawHttp() {}

  public static Exchange send(URI server, String request) {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      boolean closed = true;
      try {
        socket.getInputStream().transferTo(received);
      } catch (SocketTimeoutException e) {
        closed = false;
      } catch (IOException e) {
        // Reset after the answer: the server closed on unread bytes, which is closing too.
      }
      String text = received.toString(StandardCharsets.ISO_8859_1);
      List<Integer> statuses = new ArrayList<>();
      for (String line : text.split("\r\n")) {
        if (line.startsWith("HTTP/1.1 ")) {
          statuses.add(Integer.parseInt(line.substring(9, 12)));
        }
      }
      return new Exchange(statuses, text, closed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
