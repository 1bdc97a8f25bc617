package dev.cairn.registry.auth;

import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.db.Db;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Assembles the identity sources the settings ask for: tokens file, bootstrap admin, JWT, signed
 * requests; logs which are active. A registry with none of them would lock everyone out, so it
 * refuses to start.
 */
public final class AuthSetup {

  private static final Logger LOG = Logger.getLogger(AuthSetup.class.getName());

  /** The authenticator and what the bootstrap step did (the token to print once, if any). */
  public record Result(
      Authenticators authenticator,
      BootstrapAdmin.Outcome bootstrap,
      Optional<SignedRequests> signedRequests) {}

  private AuthSetup() {}

  public static Result configure(RegistrySettings settings, Db db) {
    List<Authenticator> sources = new ArrayList<>();
    List<String> active = new ArrayList<>();
    settings
        .tokensFile()
        .ifPresent(
            file -> {
              TokenFileAuthenticator tokens = TokenFileAuthenticator.load(file);
              sources.add(tokens);
              int count = tokens.size();
              active.add(
                  "tokens file " + file + " (" + count + (count == 1 ? " token)" : " tokens)"));
            });
    BootstrapAdmin bootstrap = new BootstrapAdmin(db);
    BootstrapAdmin.Outcome outcome = bootstrap(settings, bootstrap);
    if (settings.bootstrapAdminToken().isPresent()) {
      sources.add(bootstrap.authenticator());
      active.add("admin token from CAIRN_BOOTSTRAP_ADMIN_TOKEN");
    } else if (outcome.tokenFile().isPresent()) {
      sources.add(bootstrap.authenticator());
      active.add("generated admin token (" + outcome.tokenFile().get() + ")");
    }
    if (settings.jwt().enabled()) {
      sources.add(JwtAuthenticator.create(settings.jwt()));
      active.add(
          settings
              .jwt()
              .jwksUrl()
              .map(url -> "JWT (JWKS URL " + url + ")")
              .orElseGet(() -> "JWT (JWKS file " + settings.jwt().jwksFile().orElseThrow() + ")"));
    }
    Optional<SignedRequests> signed =
        settings
            .signingKeysFile()
            .map(
                file ->
                    new SignedRequests(
                        SigningKeysFile.load(file), new SeenSignatures(db), Clock.systemUTC()));
    settings
        .signingKeysFile()
        .ifPresent(file -> active.add("signed requests (keys file " + file + ")"));
    if (sources.isEmpty() && signed.isEmpty()) {
      throw new StartupException(
          "No way to authenticate: set CAIRN_TOKENS_FILE, CAIRN_JWT_JWKS_URL/FILE, "
              + "CAIRN_SIGNING_KEYS or "
              + "CAIRN_BOOTSTRAP_ADMIN_TOKEN (authentication cannot be disabled).");
    }
    LOG.info(() -> "identity sources: " + String.join(", ", active));
    return new Result(new Authenticators(sources), outcome, signed);
  }

  /**
   * The explicit token when given; else, with the embedded database, the generated one — created on
   * first start without a tokens file, and kept valid beside a tokens file added later (spec
   * 40-security: it works alongside one), so adding a file never locks out the CLI and sidecars
   * that use it.
   */
  private static BootstrapAdmin.Outcome bootstrap(
      RegistrySettings settings, BootstrapAdmin bootstrap) {
    if (settings.bootstrapAdminToken().isPresent()) {
      return bootstrap.useExplicit(settings.bootstrapAdminToken().get());
    }
    if (!settings.embeddedDatabase()) {
      return BootstrapAdmin.Outcome.NONE;
    }
    return settings.tokensFile().isEmpty()
        ? bootstrap.ensureGenerated(settings.dataDir())
        : bootstrap.keepGenerated(settings.dataDir());
  }
}
