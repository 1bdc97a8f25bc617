package dev.cairn.registry.http.request;

import dev.cairn.client.CappedInputStream;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.RequestBodies;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * A whole request body as bytes, for documents the server keeps or checks byte for byte (a {@code
 * model.sig}, a trust policy): its media type one of those accepted (415 otherwise), at most {@code
 * limit} bytes (413, refused on the declared length before anything is read).
 */
public final class RawBodies {

  private RawBodies() {}

  public static byte[] read(ServerRequest req, long limit, Set<String> mediaTypes) {
    String type =
        req.headers()
            .first(HeaderNames.CONTENT_TYPE)
            .orElse("")
            .split(";", 2)[0]
            .trim()
            .toLowerCase(Locale.ROOT);
    if (!mediaTypes.contains(type)) {
      throw new ApiException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          (type.isEmpty() ? "a Content-Type is required" : "Content-Type is not accepted here")
              + "; use one of "
              + String.join(", ", mediaTypes.stream().sorted().toList()));
    }
    if (req.headers().contentLength().orElse(-1L) > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = new CappedInputStream(RequestBodies.open(req), limit)) {
      return in.readAllBytes();
    } catch (CappedInputStream.Exceeded e) {
      throw tooLarge(limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException(
        413, "PAYLOAD_TOO_LARGE", "this body is limited to " + limit + " bytes");
  }
}
