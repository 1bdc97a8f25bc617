package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Caller;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.client.signing.SigningKey;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Java client of the Cairn registry REST API. Every error answer is thrown as {@link
 * CairnApiException}; transport failures as {@link UncheckedIOException}.
 */
public final class CairnClient {

  private final HttpTransport transport;
  private final Projects projects;
  private final Models models;
  private final Versions versions;
  private final Aliases aliases;
  private final Instances instances;
  private final Audit audit;
  private final Webhooks webhooks;
  private final Signatures signatures;

  private CairnClient(HttpTransport transport) {
    this.transport = transport;
    this.projects = new Projects(transport);
    this.models = new Models(transport);
    this.versions = new Versions(transport, new ArtifactCalls(transport));
    this.aliases = new Aliases(transport);
    this.instances = new Instances(transport);
    this.audit = new Audit(transport);
    this.webhooks = new Webhooks(transport);
    this.signatures = new Signatures(transport);
  }

  public Projects projects() {
    return projects;
  }

  public Models models() {
    return models;
  }

  public Versions versions() {
    return versions;
  }

  public Aliases aliases() {
    return aliases;
  }

  public Instances instances() {
    return instances;
  }

  public Webhooks webhooks() {
    return webhooks;
  }

  public Audit audit() {
    return audit;
  }

  /** Trust policies and OMS signatures of versions (issue 28). */
  public Signatures signatures() {
    return signatures;
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
        new HttpTransport(
            http, baseUri, Credentials.bearer(token), CairnJson.lenientMapper(), requestTimeout));
  }

  /**
   * A client that signs every request with a pre-shared key instead of sending a token (spec
   * 75-cli, "Offline installers"); {@code clock} dates the signatures.
   */
  public static CairnClient signing(URI baseUri, SigningKey key, Clock clock) {
    return new CairnClient(
        new HttpTransport(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            baseUri,
            new Credentials.Signed(key, clock),
            CairnJson.lenientMapper(),
            Duration.ofSeconds(30)));
  }

  /**
   * Sends one line per request to {@code lines} (method, URL, status, time to the headers; never a
   * header or a body, so no credential): what {@code cairn --verbose} prints.
   */
  public CairnClient traceTo(Consumer<String> lines) {
    transport.traceTo(lines);
    return this;
  }

  /** Who the registry takes this client for. */
  public Caller whoami() {
    return transport.send("GET", ApiPaths.API + "/whoami", null, new TypeReference<>() {});
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

  /** The {@code {"items": […]}} wrapper of unpaged lists. */
}
