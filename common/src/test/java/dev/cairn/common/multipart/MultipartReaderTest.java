package dev.cairn.common.multipart;

import static dev.cairn.common.testing.MultipartBodies.BOUNDARY;
import static dev.cairn.common.testing.MultipartBodies.body;
import static dev.cairn.common.testing.MultipartBodies.concat;
import static dev.cairn.common.testing.MultipartBodies.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

  @Test
  void readsPartsWhoseBytesContainCrlfsAndBoundaryLookalikes() throws IOException {
    byte[] binary = new byte[300_000];
    new Random(3).nextBytes(binary);
    byte[] tricky =
        "line\r\n--cairn-7f3 not quite\r\n-- and more\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] body =
        body(
            part("metadata", null, "{\"format\":\"onnx\"}".getBytes(StandardCharsets.UTF_8)),
            part("model/w.bin", "w.bin", binary),
            part("notes.txt", null, tricky));

    // Reads of 7 bytes at a time put boundaries across every possible read edge.
    MultipartReader reader = new MultipartReader(trickle(body, 7), BOUNDARY);

    MultipartReader.Part meta = reader.next().orElseThrow();
    assertThat(meta.name()).isEqualTo("metadata");
    assertThat(new String(meta.content().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"format\":\"onnx\"}");
    MultipartReader.Part weights = reader.next().orElseThrow();
    assertThat(weights.name()).isEqualTo("model/w.bin");
    assertThat(weights.filename()).contains("w.bin");
    assertThat(weights.content().readAllBytes()).isEqualTo(binary);
    MultipartReader.Part notes = reader.next().orElseThrow();
    assertThat(notes.content().readAllBytes()).isEqualTo(tricky);
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void skipsUnreadPartsAndPreamble() throws IOException {
    byte[] body =
        body(
            part("a", null, new byte[100_000]),
            part("b", null, "B".getBytes(StandardCharsets.UTF_8)));
    byte[] withPreamble = concat("ignored preamble\r\n".getBytes(StandardCharsets.UTF_8), body);
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(withPreamble), BOUNDARY);

    reader.next().orElseThrow();
    assertThat(reader.next().orElseThrow().content().readAllBytes()).containsExactly('B');
  }

  @Test
  void refusesATruncatedBody() throws IOException {
    byte[] body = body(part("a", null, "complete".getBytes(StandardCharsets.UTF_8)));
    byte[] cut = Arrays.copyOf(body, body.length - 20);
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
    MultipartReader.Part part = reader.next().orElseThrow();

    assertThatThrownBy(() -> part.content().readAllBytes())
        .isInstanceOf(MalformedMultipartException.class);
  }

  private static InputStream trickle(byte[] body, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
