package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code login} and {@code logout}. */
final class LoginCommands {

  private LoginCommands() {}

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description = "Store a context: server, token (from stdin), project.")
  static final class Login extends CliCommand {

    @Parameters(index = "0", description = "Registry URL, e.g. http://localhost:8080")
    String url;

    @Option(names = "--token-stdin", required = true, description = "Read the token from stdin.")
    boolean tokenStdin;

    @Option(names = "--name", description = "Context name (default: the URL's host).")
    String name;

    Login(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      String token = readToken(terminal);
      URI server = URI.create(url);
      // Checked before it is stored: a token the registry refuses exits 2 and stores nothing.
      CairnClient.create(server, token).projects().list(1, null);
      String context = name != null ? name : server.getHost();
      new Contexts(terminal.configDir())
          .save(context, new Contexts.Context(url, null, global.project), token);
      output().say("Logged in to " + url + " as context '" + context + "'.");
    }

    static String readToken(Terminal terminal) {
      try {
        String line =
            new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null || line.isBlank()) {
          throw new ExitCodes.Failure(ExitCodes.USAGE, "no token on stdin");
        }
        return line.strip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description = "Forget a context and its token.")
  static final class Logout extends CliCommand {

    @Parameters(index = "0", arity = "0..1", description = "Context (default: the current one).")
    String name;

    Logout(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      Contexts contexts = new Contexts(terminal.configDir());
      String context = name != null ? name : contexts.load().current();
      if (context == null) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "no current context to log out of");
      }
      contexts.remove(context);
      output().say("Context '" + context + "' removed.");
    }
  }
}
