package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.TrustPolicy;
import dev.cairn.client.model.VersionSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Map;

/** Signed models (issue 28): a project's trust policy and a version's {@code model.sig} bundle. */
public final class Signatures {

  /** The media type of an OMS v1.0 bundle. */
  public static final String BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private final HttpTransport transport;

  Signatures(HttpTransport transport) {
    this.transport = transport;
  }

  /** The project's trust policy; version 0 and empty lists when it has none. */
  public TrustPolicy trust(String project) {
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/trust", null, new TypeReference<>() {});
  }

  /**
   * Attaches {@code bundle} (the {@code model.sig} bytes, sent verbatim) to a version; the registry
   * verifies it against the current trust policy and the version's files. Sending the same bytes
   * again is answered like the first time; other bytes on a signed version are {@code
   * SIGNATURE_EXISTS}.
   */
  public VersionSignature attach(String project, String model, String version, byte[] bundle) {
    String path = ApiPaths.versionPath(project, model, version) + "/signature";
    try (InputStream in =
        transport.sendStream(
            "PUT",
            path,
            HttpRequest.BodyPublishers.ofByteArray(bundle),
            Map.of("Content-Type", BUNDLE_MEDIA_TYPE))) {
      return transport.read(in, VersionSignature.class, "PUT " + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
