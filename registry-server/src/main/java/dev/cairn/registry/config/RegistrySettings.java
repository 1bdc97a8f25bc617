package dev.cairn.registry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the registry is configured with, resolved from environment and application.yaml. */
public record RegistrySettings(
    String host,
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    Optional<DbOwner> dbOwner,
    String environment,
    Optional<Path> tokensFile,
    Optional<Path> signingKeysFile,
    Optional<String> bootstrapAdminToken,
    Optional<String> auditKey,
    JwtSettings jwt,
    List<String> allowedOrigins,
    long maxJsonBytes,
    long maxMetadataBytes,
    List<String> extraFormats,
    AccessLog accessLog,
    ConnectionLimits connections,
    int dbPoolSize,
    ScrubSettings scrub,
    BlobSettings blobs,
    Duration sseHeartbeat,
    Duration eventRetention,
    ReferenceSettings references,
    SessionSettings sessions,
    int resolveCacheSize,
    Optional<String> mlflowDefaultProject,
    WebhookSettings webhooks,
    SigningSettings signing) {

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  public boolean production() {
    return "production".equals(environment);
  }
}
