package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.Manifest;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Verification;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.client.model.VersionImport;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.client.model.VersionQuery;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

/** Versions of a model: declare, publish, upload and download files, complete, verify, validate. */
public final class Versions {

  private final HttpTransport transport;
  private final ArtifactCalls artifacts;

  Versions(HttpTransport transport, ArtifactCalls artifacts) {
    this.transport = transport;
    this.artifacts = artifacts;
  }

  public Version create(String project, String model, VersionCreate request) {
    return transport.send(
        "POST",
        ApiPaths.modelPath(project, model) + "/versions",
        request,
        new TypeReference<>() {});
  }

  /**
   * Imports a ModelPack OCI artifact ({@code oci://host/repository:tag}) as a new version; the
   * server pulls and checks every layer and answers with the published version.
   */
  public Version importOci(String project, String model, VersionImport request) {
    return transport.send(
        "POST",
        ApiPaths.modelPath(project, model) + "/versions",
        request,
        new TypeReference<>() {});
  }

  public Page<Version> list(String project, String model, VersionQuery query) {
    String qs =
        new QueryString()
            .add("variant", query.variant())
            .add("state", query.state())
            .addAll("label", query.labels())
            .add("limit", query.limit())
            .add("page_token", query.pageToken())
            .toString();
    return transport.send(
        "GET",
        ApiPaths.modelPath(project, model) + "/versions" + qs,
        null,
        new TypeReference<>() {});
  }

  public Version get(String project, String model, String version) {
    return transport.send(
        "GET", ApiPaths.versionPath(project, model, version), null, new TypeReference<>() {});
  }

  /**
   * A version by the id a client stored (seed 004); its {@link Version#model()} names the model.
   */
  public Version byId(String id) {
    return transport.send(
        "GET",
        ApiPaths.API + "/versions/" + QueryString.encode(id),
        null,
        new TypeReference<>() {});
  }

  public Version patch(String project, String model, String version, VersionPatch patch) {
    return transport.send(
        "PATCH", ApiPaths.versionPath(project, model, version), patch, new TypeReference<>() {});
  }

  /**
   * Publishes a version in one call (multipart): its declaration and every file, streamed from
   * disk; the answer is the READY version, or an error with nothing kept on the server.
   */
  public Version publish(
      String project, String model, VersionCreate request, Map<String, Path> files) {
    return artifacts.publishVersion(project, model, request, files);
  }

  /**
   * Registers an ink-inspection standard from STD images: the answer is the new colour-signature
   * version, {@code READY} with {@code STD_ACCEPTABLE} or {@code FAILED} with the phase code.
   */
  public Version registerStandard(String project, String model, StdRegistrationRequest request) {
    return artifacts.registerStandard(project, model, request, false, Version.class);
  }

  /** The {@code STD_REGISTRATION} phase result for STD images, keeping nothing (a dry run). */
  public JsonNode checkStandard(String project, String model, StdRegistrationRequest request) {
    return artifacts.registerStandard(project, model, request, true, JsonNode.class);
  }

  /** Streams {@code file} to {@code path} of a PENDING version, announcing its SHA-256. */
  public VersionFile upload(
      String project, String model, String version, String path, Path file, String sha256) {
    return artifacts.uploadFile(project, model, version, path, file, sha256);
  }

  /** The same, telling {@code progress} the bytes sent so far (a progress bar). */
  public VersionFile upload(
      String project,
      String model,
      String version,
      String path,
      Path file,
      String sha256,
      LongConsumer progress) {
    return artifacts.uploadFile(project, model, version, path, file, sha256, progress);
  }

  /** Streams a stored file into {@code target}; returns the number of bytes written. */
  public long download(
      String project, String model, String version, String path, OutputStream target) {
    return artifacts.downloadFile(project, model, version, path, target);
  }

  public Version complete(String project, String model, String version) {
    return transport.send(
        "POST",
        ApiPaths.versionPath(project, model, version) + "/complete",
        null,
        new TypeReference<>() {});
  }

  public Manifest manifest(String project, String model, String version) {
    return transport.send(
        "GET",
        ApiPaths.versionPath(project, model, version) + "/manifest",
        null,
        new TypeReference<>() {});
  }

  /** Re-hashes every file now; a mismatch is thrown as 422 {@code CHECKSUM_MISMATCH}. */
  public Verification verify(String project, String model, String version) {
    return transport.send(
        "POST",
        ApiPaths.versionPath(project, model, version) + "/verify",
        null,
        new TypeReference<>() {});
  }

  /** Deletes a version no alias points at (admin); unshared blobs are collected. */
  public void delete(String project, String model, String version) {
    transport.send("DELETE", ApiPaths.versionPath(project, model, version), null, null);
  }

  /** Re-checks checksums and runs the format's runtime validation; returns the result. */
  public Validation validate(String project, String model, String version) {
    return transport.send(
        "POST",
        ApiPaths.versionPath(project, model, version) + "/validate",
        null,
        new TypeReference<>() {});
  }
}
