package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Findings 7 and 8 over a raw socket: every ambiguous framing gets one problem+json answer and a
 * closed connection, so what follows it is never read as a second request. Before: the smuggled
 * DELETE was answered, duplicate or negative lengths hung, HTTP/1.0 without Host and lower-case
 * methods got no answer or a 200, a malformed chunk a 500, and {@code //}, {@code /./} were
 * normalised.
 */
class HttpFramingTest {

  private static final TestRegistry REGISTRY = TestRegistry.shared();

  static Stream<Arguments> ambiguousRequests() {
    String body = "{\"name\":\"framing\"}";
    String smuggled = "DELETE /api/v1/projects/%s HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n";
    return Stream.of(
        Arguments.of(
            "TE gzip, chunked + CL",
            400,
            post("Transfer-Encoding: gzip, chunked\r\nContent-Length: " + body.length())
                + body
                + smuggled),
        Arguments.of(
            "TE chunked, chunked",
            400,
            post("Transfer-Encoding: chunked, chunked\r\nContent-Length: " + body.length())
                + body
                + smuggled),
        Arguments.of("TE xchunked", 400, post("Transfer-Encoding: xchunked") + body + smuggled),
        Arguments.of(
            "TE chunked + CL",
            400,
            post("Transfer-Encoding: chunked\r\nContent-Length: 4") + "0\r\n\r\n" + smuggled),
        Arguments.of(
            "two Content-Lengths",
            400,
            post("Content-Length: " + body.length() + "\r\nContent-Length: 5") + body + smuggled),
        Arguments.of(
            "listed Content-Length", 400, post("Content-Length: 18, 18") + body + smuggled),
        Arguments.of("negative Content-Length", 400, post("Content-Length: -1") + smuggled),
        Arguments.of(
            "malformed chunk",
            400,
            post("Transfer-Encoding: chunked") + "zz\r\n" + body + "\r\n0\r\n\r\n" + smuggled),
        Arguments.of(
            "HTTP/1.0 without Host",
            400,
            "GET /api/v1/projects HTTP/1.0\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "lower-case method",
            400,
            "get /api/v1/projects HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "empty segment",
            400,
            "GET //api/v1/projects HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "dot segment",
            400,
            "GET /api/v1/./projects HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "encoded NUL in path",
            400,
            "GET /api/v1/projects/a%00b HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "character a URI path may not hold",
            400,
            "GET /api/v1/projects/a{b HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "malformed escape in path",
            400,
            "GET /api/v1/projects/a%zz HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n" + smuggled),
        Arguments.of(
            "URI over 4 KiB",
            414,
            "GET /api/v1/projects?q="
                + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: x\r\n"
                + auth()
                + "\r\n"),
        Arguments.of(
            "over-limit upload expecting 100-continue",
            413,
            "PUT /api/v1/projects/p/models/m/versions/v1/files/f HTTP/1.1\r\nHost: x\r\n"
                + auth()
                + "Expect: 100-continue\r\nContent-Length: 999999999999999\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousRequests")
  void oneProblemAnswerThenTheConnectionCloses(String name, int status, String template) {
    String victim = TestRegistry.uniqueProject("victim");
    REGISTRY.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(victim));

    RawHttp.Exchange exchange = RawHttp.send(REGISTRY.uri(), template.replace("%s", victim));

    assertThat(exchange.statuses()).as(exchange.text()).containsExactly(status);
    assertThat(exchange.text()).contains("application/problem+json").doesNotContain("100 Continue");
    assertThat(exchange.closed()).as("connection closed").isTrue();
    assertThat(REGISTRY.http().get("/api/v1/projects/" + victim, TestTokens.READER).statusCode())
        .as("the smuggled DELETE never ran")
        .isEqualTo(200);
  }

  private static String post(String framing) {
    return "POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n"
        + auth()
        + "Content-Type: application/json\r\n"
        + framing
        + "\r\n\r\n";
  }

  private static String auth() {
    return "Authorization: Bearer " + TestTokens.ADMIN + "\r\n";
  }
}
