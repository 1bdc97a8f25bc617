package dev.cairn.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token create}: a new random token, printed once, and its tokens-file entry (the hash only)
 * for an admin to add to the registry's {@code CAIRN_TOKENS_FILE} (spec 40-security).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "A new token and its tokens-file entry.")
final class TokenCommand implements Runnable {

  private final Terminal terminal;

  @Option(names = "--name", required = true)
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
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String token = "cairn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    terminal.out().println("token (shown once): " + token);
    terminal.out().println("tokens-file entry:");
    terminal.out().println("  - name: " + name);
    terminal.out().println("    sha256: " + sha256(token));
    terminal.out().println("    roles: [" + String.join(", ", roles) + "]");
    terminal
        .out()
        .println(
            "    projects: ["
                + String.join(", ", projects.stream().map(p -> "\"" + p + "\"").toList())
                + "]");
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
