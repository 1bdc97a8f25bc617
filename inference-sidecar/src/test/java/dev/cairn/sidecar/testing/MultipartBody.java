package dev.cairn.sidecar.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body of {@code images} parts for {@code POST /inspect}. */
public final class MultipartBody {

  private static final String BOUNDARY = "cairn-test-boundary";
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public MultipartBody image(String filename, byte[] content) {
    text(
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\""
            + filename
            + "\"\r\nContent-Type: image/png\r\n\r\n");
    body.writeBytes(content);
    text("\r\n");
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] bytes() {
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    done.writeBytes(body.toByteArray());
    done.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return done.toByteArray();
  }

  private void text(String value) {
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }
}
