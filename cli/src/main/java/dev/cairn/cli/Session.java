package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What one command talks to: the server, token and project from the flags, then {@code
 * CAIRN_TOKEN}/{@code CAIRN_SERVER}/{@code CAIRN_PROJECT}, then the context. The token is never
 * taken from an argument (it would land in the shell history) and never printed.
 */
final class Session {

  private final GlobalOptions options;
  private final Terminal terminal;
  private final Contexts contexts;

  Session(GlobalOptions options, Terminal terminal) {
    this.options = options;
    this.terminal = terminal;
    this.contexts = new Contexts(terminal.configDir());
  }

  /** Whether requests are signed with a key ({@code --signing-key-file}) instead of a token. */
  boolean signs() {
    return options.signingKeyFile != null;
  }

  /** A client with the token, or signing with the key of {@code --signing-key-file}. */
  CairnClient client() {
    CairnClient client =
        signs()
            ? CairnClient.signing(server(), KeyFile.read(options.signingKeyFile), Clock.systemUTC())
            : CairnClient.create(server(), token().orElse(null));
    return options.verbose
        ? client.traceTo(line -> terminal.err().println("> " + TerminalText.safe(line)))
        : client;
  }

  URI server() {
    Optional<Contexts.Context> context = contexts.named(options.context);
    String server =
        Optional.ofNullable(options.server)
            .or(() -> Optional.ofNullable(terminal.env().get("CAIRN_SERVER")))
            .or(() -> context.map(Contexts.Context::server))
            .orElseThrow(
                () ->
                    new ExitCodes.Failure(
                        ExitCodes.USAGE,
                        "no registry: run `cairn login URL --token-stdin`, or give --server"));
    try {
      return URI.create(server);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "--server must be a URL, not '" + server + "'");
    }
  }

  Optional<String> token() {
    String fromEnv = terminal.env().get("CAIRN_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    return contexts
        .named(options.context)
        .map(Contexts.Context::tokenFile)
        .map(
            file -> {
              try {
                return Files.readString(Path.of(file)).strip();
              } catch (IOException e) {
                throw new ExitCodes.Failure(ExitCodes.USAGE, "token file " + file + " unreadable");
              }
            });
  }

  String project() {
    return Optional.ofNullable(options.project)
        .or(() -> Optional.ofNullable(terminal.env().get("CAIRN_PROJECT")))
        .or(() -> contexts.named(options.context).map(Contexts.Context::project))
        .orElseThrow(
            () ->
                new ExitCodes.Failure(
                    ExitCodes.USAGE, "no project: give -p PROJECT or set one in the context"));
  }

  Contexts contexts() {
    return contexts;
  }

  Output output() {
    return new Output(options.output, terminal.out(), options.quiet);
  }

  /** Progress bars: as --progress/--no-progress say, else only on a terminal; never with -q. */
  PushProgress progress() {
    boolean shown = options.progress != null ? options.progress : terminal.tty();
    return shown && !options.quiet
        ? PushProgress.bars(terminal.err(), terminal.tty())
        : PushProgress.none();
  }

  Terminal terminal() {
    return terminal;
  }
}
