package dev.cairn.client.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.sse.EventStreamReader.Comment;
import dev.cairn.client.sse.EventStreamReader.Event;
import dev.cairn.client.sse.EventStreamReader.Frame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventStreamReaderTest {

  private static EventStreamReader reader(String stream, long limit) {
    return new EventStreamReader(
        new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), limit);
  }

  private static List<Frame> frames(String stream) throws IOException {
    List<Frame> frames = new ArrayList<>();
    try (EventStreamReader reader = reader(stream, 1 << 20)) {
      Optional<Frame> frame;
      while ((frame = reader.next()).isPresent()) {
        frames.add(frame.get());
      }
    }
    return frames;
  }

  @Test
  void readsTheRegistrysFraming() throws IOException {
    assertThat(frames("id: 7\nevent: alias.updated\ndata: {\"n\":7}\n\n"))
        .containsExactly(new Event(Optional.of("7"), "alias.updated", "{\"n\":7}"));
  }

  @Test
  void joinsDataLinesWithLineFeeds() throws IOException {
    assertThat(frames("data: first\ndata:second\ndata\ndata:  indented\n\n"))
        .containsExactly(new Event(Optional.empty(), "message", "first\nsecond\n\n indented"));
  }

  @Test
  void reportsCommentsAndSkipsEmptyEvents() throws IOException {
    assertThat(frames(": heartbeat 15 s\n\n:raw\n\nevent: nothing\n\nid: 3\n\ndata: x\n\n"))
        .containsExactly(
            new Comment("heartbeat 15 s"),
            new Comment("raw"),
            new Event(Optional.empty(), "message", "x"));
  }

  @Test
  void idBelongsToItsOwnEventAndIgnoresNul() throws IOException {
    assertThat(frames("id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid:\ndata: d\n\n"))
        .containsExactly(
            new Event(Optional.of("1"), "message", "a"),
            new Event(Optional.empty(), "message", "b"),
            new Event(Optional.empty(), "message", "c"),
            new Event(Optional.of(""), "message", "d"));
  }

  @Test
  void keepsTheLastValidRetry() throws IOException {
    try (EventStreamReader reader = reader("retry: 2500\nretry: soon\ndata: x\n\n", 1000)) {
      assertThat(reader.retry()).isEmpty();
      assertThat(reader.next()).isPresent();
      assertThat(reader.retry()).contains(Duration.ofMillis(2500));
    }
  }

  @Test
  void acceptsCrLfAndBareCrLineEnds() throws IOException {
    assertThat(frames("id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\rdata: c\n\r\n"))
        .containsExactly(
            new Event(Optional.of("1"), "message", "a"),
            new Event(Optional.of("2"), "message", "b"),
            new Event(Optional.empty(), "message", "c"));
  }

  @Test
  void dropsAByteOrderMarkAndAnUnfinishedEvent() throws IOException {
    assertThat(frames("\uFEFFdata: a\n\ndata: never dispatched\n"))
        .containsExactly(new Event(Optional.empty(), "message", "a"));
  }

  @Test
  void decodesUtf8() throws IOException {
    assertThat(frames("data: caf\u00e9 \u2713\n\n"))
        .containsExactly(new Event(Optional.empty(), "message", "caf\u00e9 \u2713"));
  }

  @Test
  void aLineWithoutEndFailsAtTheLimit() throws IOException {
    try (EventStreamReader reader = reader("data: " + "x".repeat(5000), 1024)) {
      assertThatThrownBy(reader::next).isInstanceOf(EventStreamReader.TooLarge.class);
    }
  }

  @Test
  void theLimitCountsOneEventNotTheWholeStream() throws IOException {
    String event = "data: " + "x".repeat(80) + "\n\n";
    assertThat(frames(event.repeat(100))).hasSize(100);
    try (EventStreamReader reader = reader(event.repeat(100), 100)) {
      for (int i = 0; i < 100; i++) {
        assertThat(reader.next()).isPresent();
      }
      assertThat(reader.next()).isEmpty();
    }
    try (EventStreamReader reader = reader("data: 12345678\n".repeat(10) + "\n", 100)) {
      assertThatThrownBy(reader::next).isInstanceOf(EventStreamReader.TooLarge.class);
    }
  }
}
