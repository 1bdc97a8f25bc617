package dev.cairn.operator;

import dev.cairn.client.process.EnvValues;
import dev.cairn.signing.SigstoreTrustedRoots;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's configuration, all from the environment (spec 30-operator, Operator runtime).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code CAIRN_REGISTRY_URL}</td><td>registry base URL (required)</td></tr>
 *   <tr><td>{@code CAIRN_REGISTRY_TOKEN_FILE}</td><td>file holding the registry token, mounted from
 *       a Secret (or {@code CAIRN_REGISTRY_TOKEN} for local runs)</td></tr>
 *   <tr><td>{@code CAIRN_WATCH_NAMESPACES}</td><td>comma-separated namespaces; empty: all</td></tr>
 *   <tr><td>{@code CAIRN_OPERATOR_PORT}</td><td>port of /healthz, /readyz, /metrics (8081)</td></tr>
 *   <tr><td>{@code CAIRN_LEASE_NAME}, {@code CAIRN_LEASE_NAMESPACE}</td><td>leader-election Lease
 *       ({@code cairn-operator} in {@code POD_NAMESPACE}, else the pod's or the kubeconfig
 *       context's namespace); {@code CAIRN_LEADER_ELECTION=false}
 *       turns it off; a replica that loses the Lease exits (and is restarted) unless {@code
 *       CAIRN_EXIT_ON_LOST_LEASE=false}</td></tr>
 *   <tr><td>{@code POD_NAME}</td><td>identity in the Lease (else host name)</td></tr>
 *   <tr><td>{@code CAIRN_RESYNC_SECONDS}</td><td>longest time between two reconciles of a
 *       resource (60)</td></tr>
 *   <tr><td>{@code CAIRN_OPERATOR_FILE_ROOTS}</td><td>directories {@code file://} sources may
 *       come from (none)</td></tr>
 *   <tr><td>{@code CAIRN_SIGSTORE_TRUSTED_ROOT}</td><td>Sigstore {@code trusted_root.json} that
 *       keyless {@code spec.signature} bundles are verified against (none: refused); read and
 *       checked at start</td></tr>
 * </table>
 */
public record OperatorSettings(
    URI registryUrl,
    String registryToken,
    Set<String> watchNamespaces,
    int port,
    boolean leaderElection,
    boolean exitOnLostLease,
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration resync,
    List<Path> fileRoots,
    Optional<byte[]> sigstoreTrustedRoot) {

  private static final String SERVICE_ACCOUNT_NAMESPACE =
      "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

  static final String SIGSTORE_TRUSTED_ROOT = SigstoreTrustedRoots.VARIABLE;

  /** Every variable the operator reads. */
  public static final Set<String> VARIABLES =
      Set.of(
          "CAIRN_REGISTRY_URL",
          "CAIRN_REGISTRY_TOKEN_FILE",
          "CAIRN_REGISTRY_TOKEN",
          "CAIRN_WATCH_NAMESPACES",
          "CAIRN_OPERATOR_PORT",
          "CAIRN_LEADER_ELECTION",
          "CAIRN_EXIT_ON_LOST_LEASE",
          "CAIRN_LEASE_NAME",
          "CAIRN_LEASE_NAMESPACE",
          "CAIRN_RESYNC_SECONDS",
          "CAIRN_OPERATOR_FILE_ROOTS",
          SIGSTORE_TRUSTED_ROOT);

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    String url = env.get("CAIRN_REGISTRY_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("CAIRN_REGISTRY_URL is required");
    }
    return new OperatorSettings(
        EnvValues.url("CAIRN_REGISTRY_URL", url.endsWith("/") ? url : url + "/"),
        token(env),
        list(env.get("CAIRN_WATCH_NAMESPACES")).stream().collect(Collectors.toUnmodifiableSet()),
        (int) EnvValues.number(env, "CAIRN_OPERATOR_PORT", 8081, EnvValues.MAX_PORT),
        !"false".equalsIgnoreCase(env.getOrDefault("CAIRN_LEADER_ELECTION", "true")),
        !"false".equalsIgnoreCase(env.getOrDefault("CAIRN_EXIT_ON_LOST_LEASE", "true")),
        env.getOrDefault("CAIRN_LEASE_NAME", "cairn-operator"),
        Optional.ofNullable(env.get("CAIRN_LEASE_NAMESPACE"))
            .or(() -> Optional.ofNullable(env.get("POD_NAMESPACE")))
            .orElseGet(OperatorSettings::kubeNamespace),
        Optional.ofNullable(env.get("POD_NAME")).orElseGet(OperatorSettings::hostName),
        Duration.ofSeconds(EnvValues.number(env, "CAIRN_RESYNC_SECONDS", 60, Long.MAX_VALUE)),
        list(env.get("CAIRN_OPERATOR_FILE_ROOTS")).stream().map(Path::of).toList(),
        SigstoreTrustedRoots.fromSetting(env.get(SIGSTORE_TRUSTED_ROOT)));
  }

  private static String token(Map<String, String> env) {
    String file = env.get("CAIRN_REGISTRY_TOKEN_FILE");
    if (file != null && !file.isBlank()) {
      try {
        return Files.readString(Path.of(file)).trim();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "CAIRN_REGISTRY_TOKEN_FILE " + file + " is not readable: " + e.getMessage());
      }
    }
    String token = env.get("CAIRN_REGISTRY_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "CAIRN_REGISTRY_TOKEN_FILE (or CAIRN_REGISTRY_TOKEN) is required");
    }
    return token.trim();
  }

  private static List<String> list(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Where kubectl would look: the pod's service-account namespace in a cluster, else the current
   * kubeconfig context's namespace, else {@code default}; the start line names it.
   */
  private static String kubeNamespace() {
    try {
      return Files.readString(Path.of(SERVICE_ACCOUNT_NAMESPACE)).trim();
    } catch (IOException notInAPod) {
      return Optional.ofNullable(Config.autoConfigure(null).getNamespace()).orElse("default");
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "cairn-operator";
    }
  }

  @Override
  public String toString() {
    // The token never appears in logs.
    return "OperatorSettings[registry="
        + registryUrl
        + ", namespaces="
        + (watchNamespaces.isEmpty() ? "all" : watchNamespaces)
        + ", lease="
        + (leaderElection ? leaseNamespace + "/" + leaseName + " as " + identity : "off")
        + ", resync="
        + resync
        + "]";
  }
}
