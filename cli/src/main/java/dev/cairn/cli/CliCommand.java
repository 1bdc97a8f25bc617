package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every leaf command has: the terminal, the global flags, and a session built from both. */
abstract class CliCommand implements Runnable {

  final Terminal terminal;
  @Mixin GlobalOptions global;

  /**
   * Help only, not picocli's standard {@code -V, --version}: {@code alias set} and {@code activate}
   * take {@code --version V}, and the clash made picocli drop {@code --help} from them, so their
   * help was parsed as a command missing its parameters. {@code cairn --version} names the CLI.
   */
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  CliCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  Session session() {
    return new Session(global, terminal);
  }

  CairnClient client() {
    return session().client();
  }

  String project() {
    return session().project();
  }

  Output output() {
    return new Output(global.output, terminal.out(), global.quiet);
  }
}
