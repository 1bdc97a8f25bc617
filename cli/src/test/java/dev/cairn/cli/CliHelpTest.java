package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help, completion and typos (issue 25 items 7 and 8): every command of the tree answers {@code
 * --help} with its usage and exit code 0, the completion scripts are the shell's own, and a
 * mistyped command costs one line.
 */
class CliHelpTest {

  @TempDir Path home;

  @Test
  void everyCommandAndSubcommandAnswersHelpWithItsUsageAndExitCodeZero() {
    List<List<String>> paths = commandPaths();
    assertThat(paths).hasSizeGreaterThan(40).contains(List.of("alias", "set"), List.of("activate"));

    List<String> failures = new ArrayList<>();
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRunner.Result help = new CliRunner(home).run(args.toArray(String[]::new));
      String usage = "Usage: cairn " + String.join(" ", path);
      if (help.code() != 0 || !help.out().startsWith(usage) || !help.err().isEmpty()) {
        failures.add(path + " -> rc " + help.code() + ": " + help.err() + help.out());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void completionHelpNamesTheCommandThatExists() {
    CliRunner.Result help = new CliRunner(home).run("completion", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .startsWith("Usage: cairn completion")
        .contains("bash")
        .contains("zsh")
        .doesNotContain("generate-completion");
  }

  @Test
  void bashAndZshScriptsCompleteTheCommandTree() throws Exception {
    CliRunner.Result bash = new CliRunner(home).run("completion", "bash");
    CliRunner.Result zsh = new CliRunner(home).run("completion", "zsh");

    assertThat(bash.code()).as(bash.err()).isZero();
    assertThat(completions(bash.out(), "cairn mo")).containsExactly("model");
    assertThat(completions(bash.out(), "cairn alias s")).containsExactly("set");
    assertThat(new CliRunner(home).run("completion").out()).isEqualTo(bash.out());
    assertThat(zsh.code()).as(zsh.err()).isZero();
    assertThat(zsh.out())
        .startsWith("# zsh completion for cairn")
        .contains("autoload -U +X bashcompinit && bashcompinit")
        .contains("complete -F _complete_cairn");
    assertThat(completions(zsh.out(), "cairn vers")).containsExactly("version");
  }

  @Test
  void fishIsRefusedInOneLine() {
    CliRunner.Result fish = new CliRunner(home).run("completion", "fish");

    assertThat(fish.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(fish.out()).isEmpty();
    assertThat(fish.err().lines())
        .containsExactly("error: no completion for fish; use bash or zsh");
  }

  @Test
  void aMistypedCommandCostsOneLineWithTheCommandItResembles() {
    CliRunner.Result typo = new CliRunner(home).run("modle", "list");
    CliRunner.Result verb = new CliRunner(home).run("model", "lsit");
    CliRunner.Result option = new CliRunner(home).run("model", "list", "--projetc", "x");

    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err().lines())
        .containsExactly("error: unknown command 'modle' for 'cairn'; did you mean 'model'?");
    assertThat(verb.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(verb.err().lines())
        .containsExactly("error: unknown command 'lsit' for 'cairn model'; did you mean 'list'?");
    assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err().lines())
        .containsExactly(
            "error: unknown option '--projetc' for 'cairn model list'; did you mean '--project'?");
  }

  /** What the script's completion function offers for {@code line}, run by a real bash. */
  private static List<String> completions(String script, String line) throws Exception {
    String call =
        String.join(
            "\n",
            "read -r -a COMP_WORDS <<< \"$LINE\"",
            "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
            "COMP_LINE=\"$LINE\"",
            "COMP_POINT=${#LINE}",
            "_complete_cairn",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");
    Process bash =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-s").redirectErrorStream(true).start();
    bash.getOutputStream()
        .write((script + "\nLINE='" + line + "'\n" + call + "\n").getBytes(StandardCharsets.UTF_8));
    bash.getOutputStream().close();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  private static List<List<String>> commandPaths() {
    CommandLine root =
        CairnCli.commandLine(
            new Terminal(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(),
                false));
    List<List<String>> paths = new ArrayList<>();
    paths.add(List.of());
    walk(root, List.of(), paths);
    return paths;
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
    command.getSubcommands().entrySet().stream()
        .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
        .forEach(
            e -> {
              List<String> child = Stream.concat(path.stream(), Stream.of(e.getKey())).toList();
              paths.add(child);
              walk(e.getValue(), child, paths);
            });
  }
}
