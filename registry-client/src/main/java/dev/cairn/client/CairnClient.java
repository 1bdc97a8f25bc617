package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.AuditVerification;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.Manifest;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Project;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Verification;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.client.model.VersionQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java client of the Cairn registry REST API. Every error answer is thrown as {@link
 * CairnApiException}; transport failures as {@link UncheckedIOException}.
 */
public final class CairnClient {

  private final HttpTransport transport;
  private final ArtifactCalls artifacts;

  private CairnClient(HttpTransport transport) {
    this.transport = transport;
    this.artifacts = new ArtifactCalls(transport);
  }

  /** A client for the registry at {@code baseUri} authenticating with {@code token}. */
  public static CairnClient create(URI baseUri, String token) {
    return create(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        baseUri,
        token,
        Duration.ofSeconds(30));
  }

  public static CairnClient create(
      HttpClient http, URI baseUri, String token, Duration requestTimeout) {
    return new CairnClient(
        new HttpTransport(http, baseUri, token, CairnJson.lenientMapper(), requestTimeout));
  }

  public ServiceInfo serviceInfo() {
    return transport.send("GET", "/", null, new TypeReference<>() {});
  }

  /** Whether the registry reports ready (database reachable); false on 503. */
  public boolean ready() {
    try {
      transport.send("GET", "/health/ready", null, null);
      return true;
    } catch (CairnApiException e) {
      if (e.status() == 503) {
        return false;
      }
      throw e;
    }
  }

  // Projects

  public Project createProject(ProjectCreate request) {
    return transport.send("POST", ApiPaths.API + "/projects", request, new TypeReference<>() {});
  }

  public Page<Project> listProjects(Integer limit, String pageToken) {
    String query = new QueryString().add("limit", limit).add("page_token", pageToken).toString();
    return transport.send(
        "GET", ApiPaths.API + "/projects" + query, null, new TypeReference<>() {});
  }

  public Project getProject(String project) {
    return transport.send("GET", ApiPaths.projectPath(project), null, new TypeReference<>() {});
  }

  public Project patchProject(String project, ProjectPatch patch) {
    return transport.send("PATCH", ApiPaths.projectPath(project), patch, new TypeReference<>() {});
  }

  public void deleteProject(String project) {
    transport.send("DELETE", ApiPaths.projectPath(project), null, null);
  }

  // Models

  public Model createModel(String project, ModelCreate request) {
    return transport.send(
        "POST", ApiPaths.projectPath(project) + "/models", request, new TypeReference<>() {});
  }

  public Page<Model> listModels(String project, ModelQuery query) {
    String qs =
        new QueryString()
            .add("state", query.state())
            .addAll("label", query.labels())
            .add("q", query.q())
            .add("order_by", query.orderBy())
            .add("limit", query.limit())
            .add("page_token", query.pageToken())
            .toString();
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/models" + qs, null, new TypeReference<>() {});
  }

  public Model getModel(String project, String model) {
    return transport.send(
        "GET", ApiPaths.modelPath(project, model), null, new TypeReference<>() {});
  }

  public Model patchModel(String project, String model, ModelPatch patch) {
    return transport.send(
        "PATCH", ApiPaths.modelPath(project, model), patch, new TypeReference<>() {});
  }

  public void deleteModel(String project, String model) {
    transport.send("DELETE", ApiPaths.modelPath(project, model), null, null);
  }

  // Versions

  public Version createVersion(String project, String model, VersionCreate request) {
    return transport.send(
        "POST",
        ApiPaths.modelPath(project, model) + "/versions",
        request,
        new TypeReference<>() {});
  }

  public Page<Version> listVersions(String project, String model, VersionQuery query) {
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

  public Version getVersion(String project, String model, String version) {
    return transport.send(
        "GET", ApiPaths.versionPath(project, model, version), null, new TypeReference<>() {});
  }

  public Version patchVersion(String project, String model, String version, VersionPatch patch) {
    return transport.send(
        "PATCH", ApiPaths.versionPath(project, model, version), patch, new TypeReference<>() {});
  }

  /**
   * Publishes a version in one call (multipart): its declaration and every file, streamed from
   * disk; the answer is the READY version, or an error with nothing kept on the server.
   */
  public Version publishVersion(
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
  public com.fasterxml.jackson.databind.JsonNode checkStandard(
      String project, String model, StdRegistrationRequest request) {
    return artifacts.registerStandard(
        project, model, request, true, com.fasterxml.jackson.databind.JsonNode.class);
  }

  // Files

  /** Streams {@code file} to {@code path} of a PENDING version, announcing its SHA-256. */
  public VersionFile uploadFile(
      String project, String model, String version, String path, Path file, String sha256) {
    return artifacts.uploadFile(project, model, version, path, file, sha256);
  }

  /** Streams a stored file into {@code target}; returns the number of bytes written. */
  public long downloadFile(
      String project, String model, String version, String path, OutputStream target) {
    return artifacts.downloadFile(project, model, version, path, target);
  }

  public Version completeVersion(String project, String model, String version) {
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
  public Verification verifyVersion(String project, String model, String version) {
    return transport.send(
        "POST",
        ApiPaths.versionPath(project, model, version) + "/verify",
        null,
        new TypeReference<>() {});
  }

  // Aliases

  public List<Alias> listAliases(String project, String model) {
    return transport
        .send(
            "GET",
            ApiPaths.modelPath(project, model) + "/aliases",
            null,
            new TypeReference<Items<Alias>>() {})
        .items();
  }

  public Alias getAlias(String project, String model, String alias) {
    return transport.send(
        "GET", ApiPaths.aliasPath(project, model, alias), null, new TypeReference<>() {});
  }

  /** Changes an alias; {@code ifMatch} and {@code idempotencyKey} may be null. */
  public Alias putAlias(
      String project,
      String model,
      String alias,
      AliasUpdate update,
      Long ifMatch,
      String idempotencyKey) {
    return transport.send(
        "PUT",
        ApiPaths.aliasPath(project, model, alias),
        update,
        new TypeReference<>() {},
        ApiPaths.conditions(ifMatch, idempotencyKey));
  }

  public Alias rollbackAlias(String project, String model, String alias, AliasRollback rollback) {
    return transport.send(
        "POST",
        ApiPaths.aliasPath(project, model, alias) + "/rollback",
        rollback,
        new TypeReference<>() {});
  }

  public void deleteAlias(String project, String model, String alias) {
    transport.send("DELETE", ApiPaths.aliasPath(project, model, alias), null, null);
  }

  public Page<AliasHistoryEntry> aliasHistory(
      String project, String model, String alias, Integer limit, String pageToken) {
    String qs = new QueryString().add("limit", limit).add("page_token", pageToken).toString();
    return transport.send(
        "GET",
        ApiPaths.aliasPath(project, model, alias) + "/history" + qs,
        null,
        new TypeReference<>() {});
  }

  public ModelStatus modelStatus(String project, String model, String alias) {
    return transport.send(
        "GET",
        ApiPaths.modelPath(project, model) + "/status" + new QueryString().add("alias", alias),
        null,
        new TypeReference<>() {});
  }

  /** What {@code ref} ({@code model@alias}, {@code model:version}, {@code model}) names now. */
  public Resolved resolve(String project, String ref, String variant, boolean verify) {
    String qs =
        new QueryString()
            .add("ref", ref)
            .add("variant", variant)
            .add("verify", verify ? "true" : null)
            .toString();
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/resolve" + qs, null, new TypeReference<>() {});
  }

  // Serving instances

  public Instance reportInstance(String project, String id, InstanceReport report) {
    return transport.send(
        "PUT",
        ApiPaths.projectPath(project) + "/instances/" + QueryString.encode(id),
        report,
        new TypeReference<>() {});
  }

  public List<Instance> listInstances(String project, String model, String alias) {
    String qs = new QueryString().add("model", model).add("alias", alias).toString();
    return transport
        .send(
            "GET",
            ApiPaths.projectPath(project) + "/instances" + qs,
            null,
            new TypeReference<Items<Instance>>() {})
        .items();
  }

  /** The {@code {"items": […]}} wrapper of unpaged lists. */
  private record Items<T>(List<T> items) {}

  /** Deletes a version no alias points at (admin); unshared blobs are collected. */
  public void deleteModelVersion(String project, String model, String version) {
    transport.send("DELETE", ApiPaths.versionPath(project, model, version), null, null);
  }

  /** Re-checks checksums and runs the format's runtime validation; returns the result. */
  public Validation validateVersion(String project, String model, String version) {
    return transport.send(
        "POST",
        ApiPaths.versionPath(project, model, version) + "/validate",
        null,
        new TypeReference<>() {});
  }

  // Audit

  public Page<AuditEntry> listAudit(String project, AuditQuery query) {
    return transport.send(
        "GET",
        ApiPaths.projectPath(project) + "/audit" + ApiPaths.auditQuery(query),
        null,
        new TypeReference<>() {});
  }

  /** Streams every matching audit entry (ndjson export) to {@code sink}, one at a time. */
  public void exportAudit(String project, AuditQuery query, Consumer<AuditEntry> sink) {
    String path = ApiPaths.projectPath(project) + "/audit" + ApiPaths.auditQuery(query);
    try (InputStream in =
            transport.sendForStream("GET", path, null, Map.of("Accept", "application/x-ndjson"));
        MappingIterator<AuditEntry> entries =
            transport.json().readerFor(AuditEntry.class).readValues(in)) {
      entries.forEachRemaining(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AuditVerification verifyAudit() {
    return transport.send("GET", ApiPaths.API + "/audit/verify", null, new TypeReference<>() {});
  }
}
