package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.TrustPolicy;
import dev.cairn.client.model.VersionSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * OMS model signatures and the project trust policy (issue 28): read and replace the policy, upload
 * a version's {@code model.sig} and download it byte for byte. Answers are JSON trees: the sidecar,
 * the storage initializer and the CLI read a few members and print the rest as the registry sent
 * it.
 */
public final class Signatures {

  /** The media type the registry serves bundles with (Sigstore bundle v0.3). */
  public static final String BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  /** The largest bundle the registry stores; a longer answer is not a bundle. */
  public static final int MAX_BUNDLE_BYTES = 4 << 20;

  private final HttpTransport transport;

  Signatures(HttpTransport transport) {
    this.transport = transport;
  }

  /** The project's trust policy; version 0 and empty lists when it never had one. */
  public JsonNode trust(String project) {
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/trust", null, new TypeReference<JsonNode>() {});
  }

  /**
   * Replaces the trust policy with {@code policy} ({@code keys}, {@code roots}, {@code
   * identities}).
   */
  public JsonNode putTrust(String project, JsonNode policy) {
    return putTrust(project, policy, null);
  }

  /**
   * Replaces the trust policy only if it is still at {@code ifMatch} (the {@code version} it was
   * read at; null: unconditionally); else {@link CairnApiException} 412 {@code
   * PRECONDITION_FAILED}, and nothing changed.
   */
  public JsonNode putTrust(String project, JsonNode policy, Long ifMatch) {
    return transport.send(
        "PUT",
        ApiPaths.projectPath(project) + "/trust",
        policy,
        new TypeReference<JsonNode>() {},
        ApiPaths.conditions(ifMatch, null));
  }

  /** The project as the registry answers it, for members the typed view does not carry yet. */
  public JsonNode projectTree(String project) {
    return transport.send(
        "GET", ApiPaths.projectPath(project), null, new TypeReference<JsonNode>() {});
  }

  /**
   * Whether the project's {@code policies.require_signature} is on. A registry that predates the
   * policy answers without it: off.
   */
  public boolean requiresSignature(String project) {
    return projectTree(project).path("policies").path("require_signature").asBoolean(false);
  }

  /**
   * Turns the project's {@code policies.require_signature} on or off (project admin): its models'
   * protected aliases then accept only versions with a trusted signature.
   */
  public JsonNode requireSignature(String project, boolean required) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("policies").put("require_signature", required);
    return transport.send(
        "PATCH", ApiPaths.projectPath(project), patch, new TypeReference<JsonNode>() {});
  }

  /** Uploads a {@code model.sig} for a version; the registry verifies it before storing it. */
  public JsonNode putSignature(String project, String model, String version, byte[] bundle) {
    try (InputStream in =
        transport.sendStream(
            "PUT",
            signaturePath(project, model, version),
            HttpRequest.BodyPublishers.ofByteArray(bundle),
            Map.of("Content-Type", BUNDLE_MEDIA_TYPE))) {
      return transport.read(in, JsonNode.class, "PUT " + signaturePath(project, model, version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The version's bundle exactly as stored, or empty when the version is unsigned ({@code
   * SIGNATURE_NOT_FOUND}); any other problem (no such version) is thrown. An answer longer than
   * {@link #MAX_BUNDLE_BYTES} is refused rather than read.
   */
  public Optional<byte[]> signature(String project, String model, String version) {
    String path = signaturePath(project, model, version);
    try (InputStream in =
        transport.sendForStream("GET", path, null, Map.of("Accept", BUNDLE_MEDIA_TYPE))) {
      byte[] bytes = in.readNBytes(MAX_BUNDLE_BYTES + 1);
      if (bytes.length > MAX_BUNDLE_BYTES) {
        throw new AnswerTooLargeException("GET " + path, MAX_BUNDLE_BYTES);
      }
      return Optional.of(bytes);
    } catch (CairnApiException e) {
      if (e.status() == 404 && "SIGNATURE_NOT_FOUND".equals(e.code())) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("the answer to GET " + path + ": " + ErrorText.of(e), e);
    }
  }

  /** The project's trust policy as a typed record (the operator's view); see {@link #trust}. */
  public TrustPolicy trustPolicy(String project) {
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/trust", null, new TypeReference<>() {});
  }

  /**
   * Attaches {@code bundle} (the {@code model.sig} bytes, sent verbatim) to a version and answers
   * the typed signature; the registry verifies it against the current trust policy and the
   * version's files. The same bytes again are answered like the first time; other bytes on a signed
   * version are {@code SIGNATURE_EXISTS}.
   */
  public VersionSignature attach(String project, String model, String version, byte[] bundle) {
    String path = signaturePath(project, model, version);
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

  private static String signaturePath(String project, String model, String version) {
    return ApiPaths.versionPath(project, model, version) + "/signature";
  }
}
