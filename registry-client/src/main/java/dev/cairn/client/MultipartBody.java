package dev.cairn.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body whose file parts stream from disk: the publisher is a
 * concatenation of small header buffers and file publishers, so nothing is read into memory.
 */
final class MultipartBody {

  private final String boundary = "cairn-" + UUID.randomUUID();
  private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

  MultipartBody json(String name, byte[] json) {
    parts.add(text(head(name, null, "application/json")));
    parts.add(HttpRequest.BodyPublishers.ofByteArray(json));
    parts.add(text("\r\n"));
    return this;
  }

  MultipartBody files(Map<String, Path> files) throws FileNotFoundException {
    for (Map.Entry<String, Path> file : files.entrySet()) {
      parts.add(
          text(
              head(
                  file.getKey(),
                  file.getValue().getFileName().toString(),
                  "application/octet-stream")));
      parts.add(HttpRequest.BodyPublishers.ofFile(file.getValue()));
      parts.add(text("\r\n"));
    }
    return this;
  }

  MultipartBody field(String name, String value) {
    parts.add(text(head(name, null, "text/plain; charset=UTF-8") + value + "\r\n"));
    return this;
  }

  /** One file part; the same {@code name} may repeat (for example {@code std_images}). */
  MultipartBody file(String name, Path file) throws FileNotFoundException {
    parts.add(text(head(name, file.getFileName().toString(), "application/octet-stream")));
    parts.add(HttpRequest.BodyPublishers.ofFile(file));
    parts.add(text("\r\n"));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
    all.add(text("--" + boundary + "--\r\n"));
    return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
  }

  private String head(String name, String filename, String type) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"")
        + "\r\nContent-Type: "
        + type
        + "\r\n\r\n";
  }

  private static HttpRequest.BodyPublisher text(String s) {
    return HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
  }
}
