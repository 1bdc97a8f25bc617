package dev.cairn.registry;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal of the person who started the registry. Only the startup banner goes here (the URL
 * and, once, a newly created admin token); everything else goes through the log.
 */
final class Console {

  private final PrintStream out =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  void banner(RegistryServer server, String publicHost, int port) {
    out.println();
    out.println("Cairn registry is running at http://" + publicHost + ":" + port);
    server
        .bootstrap()
        .newToken()
        .ifPresent(
            token -> {
              out.println(
                  "Admin token (shown once; also saved in "
                      + server.bootstrap().tokenFile().orElseThrow()
                      + "):");
              out.println("  " + token);
            });
    if (server.bootstrap().newToken().isEmpty()) {
      server.bootstrap().tokenFile().ifPresent(file -> out.println("Admin token: see " + file));
    }
    server
        .bootstrap()
        .tokenFile()
        .ifPresent(
            file ->
                out.println(
                    "Try: curl -H \"Authorization: Bearer $(cat "
                        + file
                        + ")\" http://"
                        + publicHost
                        + ":"
                        + port
                        + "/api/v1/projects"));
    out.println();
  }
}
