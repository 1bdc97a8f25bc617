package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What every leaf command has: the terminal, the global flags, and a session built from both. */
@Command(mixinStandardHelpOptions = true)
abstract class CliCommand implements Runnable {

  final Terminal terminal;
  @Mixin GlobalOptions global;

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
