package dev.cairn.registry.auth;

import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.db.Db;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the identity sources the settings ask for: tokens file, bootstrap admin, JWT. A
 * registry with none of them would lock everyone out, so it refuses to start.
 */
public final class AuthSetup {

  /** The authenticator and what the bootstrap step did (the token to print once, if any). */
  public record Result(
      Authenticators authenticator,
      BootstrapAdmin.Outcome bootstrap,
      java.util.Optional<SignedRequests> signedRequests) {}

  private AuthSetup() {}

  public static Result configure(RegistrySettings settings, Db db) {
    List<Authenticator> sources = new ArrayList<>();
    settings.tokensFile().ifPresent(file -> sources.add(TokenFileAuthenticator.load(file)));
    BootstrapAdmin bootstrap = new BootstrapAdmin(db);
    BootstrapAdmin.Outcome outcome =
        new BootstrapAdmin.Outcome(java.util.Optional.empty(), java.util.Optional.empty());
    if (settings.bootstrapAdminToken().isPresent()) {
      outcome = bootstrap.useExplicit(settings.bootstrapAdminToken().get());
    } else if (settings.embeddedDatabase() && settings.tokensFile().isEmpty()) {
      outcome = bootstrap.ensureGenerated(settings.dataDir());
    }
    if (settings.bootstrapAdminToken().isPresent() || outcome.tokenFile().isPresent()) {
      sources.add(bootstrap.authenticator());
    }
    if (settings.jwt().enabled()) {
      sources.add(JwtAuthenticator.create(settings.jwt()));
    }
    java.util.Optional<SignedRequests> signed =
        settings
            .signingKeysFile()
            .map(
                file ->
                    new SignedRequests(
                        SigningKeysFile.load(file),
                        new SeenSignatures(db),
                        java.time.Clock.systemUTC()));
    if (sources.isEmpty() && signed.isEmpty()) {
      throw new StartupException(
          "No way to authenticate: set CAIRN_TOKENS_FILE, CAIRN_JWT_JWKS_URL/FILE, "
              + "CAIRN_SIGNING_KEYS or "
              + "CAIRN_BOOTSTRAP_ADMIN_TOKEN (authentication cannot be disabled).");
    }
    return new Result(new Authenticators(sources), outcome, signed);
  }
}
