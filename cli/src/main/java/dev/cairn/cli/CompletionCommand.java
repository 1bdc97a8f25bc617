package dev.cairn.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: picocli's completion script of the whole command tree. zsh runs the
 * same script through its {@code bashcompinit} (the script turns it on); fish is refused.
 */
@Command(
    name = "completion",
    description = "Print a completion script for bash or zsh.",
    footer = {
      "%nbash: source <(cairn completion bash)   (or save it in /etc/bash_completion.d/cairn)",
      "zsh:  source <(cairn completion zsh)    (in ~/.zshrc; uses zsh's bashcompinit)"
    })
final class CompletionCommand implements Runnable {

  private final Terminal terminal;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "bash",
      paramLabel = "SHELL",
      description = "bash (default) or zsh.")
  String shell;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  CompletionCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    String script = AutoComplete.bash("cairn", spec.root().commandLine());
    switch (shell) {
      case "bash" -> terminal.out().print(script);
      case "zsh" ->
          terminal
              .out()
              .print(
                  "# zsh completion for cairn: source <(cairn completion zsh) in ~/.zshrc.\n"
                      + "# zsh runs this bash script through bashcompinit, which it enables.\n"
                      + script);
      default ->
          throw new ExitCodes.Failure(
              ExitCodes.USAGE, "no completion for " + shell + "; use bash or zsh");
    }
  }
}
