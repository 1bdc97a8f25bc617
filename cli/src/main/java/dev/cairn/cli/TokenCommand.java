package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token create}: a new random token, printed once, and its tokens-file entry (the hash only)
 * for an admin to add to the registry's {@code CAIRN_TOKENS_FILE} (spec 40-security). Name, roles
 * and projects are checked against the registry's rules before a token is made, and the entry is
 * YAML written by the library, so no argument can add a second entry (issue 24, finding 15).
 *
 * <p>It talks to no registry: the entry grants nothing until someone who may write the tokens file
 * adds it, which is the check that counts (and a tokens file can be written before any registry
 * runs). So it checks what it is asked to grant is well-formed, not who asks.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "A new token and its tokens-file entry.")
final class TokenCommand implements Runnable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern PROJECT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final List<String> ROLES =
      List.of("reader", "publisher", "approver", "admin", "sidecar");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final Terminal terminal;

  @Option(
      names = "--name",
      required = true,
      description =
          "The token's name, its actor in the audit log (letters, digits, '.', '_', '-').")
  String name;

  @Option(
      names = "--role",
      required = true,
      description = "reader, publisher, approver, admin or sidecar (repeatable).")
  List<String> roles;

  @Option(
      names = {"-p", "--project"},
      description = "Project it may see (repeatable; default all).")
  List<String> projects = List.of("*");

  TokenCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    check();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String token = "cairn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("sha256", sha256(token));
    entry.put("roles", roles);
    entry.put("projects", projects);
    terminal.out().println("token (shown once): " + token);
    terminal.out().println("tokens-file entry:");
    terminal.out().print(yaml(List.of(entry)));
  }

  private void check() {
    if (!NAME.matcher(name).matches()) {
      throw usage(
          "--name: token names start with a letter or digit and use letters, digits, '.', '_'"
              + " and '-', at most 128");
    }
    roles.stream()
        .filter(r -> !ROLES.contains(r))
        .findFirst()
        .ifPresent(
            r -> {
              throw usage("--role '" + r + "' is not one of " + String.join(", ", ROLES));
            });
    projects.stream()
        .filter(p -> !p.equals("*") && !PROJECT.matcher(p).matches())
        .findFirst()
        .ifPresent(
            p -> {
              throw usage(
                  "--project '" + p + "': a project name (a DNS-1123 label) or '*' for all");
            });
  }

  private static ExitCodes.Failure usage(String message) {
    return new ExitCodes.Failure(ExitCodes.USAGE, message);
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
