package dev.cairn.cli;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.ErrorText;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cairn <resource> <verb> [args] [flags]} (spec 75-cli): the registry from a shell, through
 * {@code registry-client} only, so the command line can never do what the REST API refuses. The
 * command tree is wired by hand; every failure ends as one line on stderr and its exit code.
 */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = CairnCli.Version.class,
    description = "The Cairn model registry from the command line.",
    footer = ExitCodes.HELP)
public final class CairnCli implements Runnable {

  private final Terminal terminal;

  CairnCli(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    System.exit(run(Terminal.system(), args));
  }

  /** Runs one command line; the exit code of spec 75-cli. */
  public static int run(Terminal terminal, String... args) {
    CommandLine cli = commandLine(terminal);
    cli.setCaseInsensitiveEnumValuesAllowed(true); // -o json, as kubectl users type it
    cli.setOut(new PrintWriter(terminal.out(), true));
    cli.setErr(new PrintWriter(terminal.err(), true));
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          int code = exitCode(e);
          terminal.err().println("error: " + TerminalText.safe(message(e)));
          return code;
        });
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            terminal.err().println("error: " + TerminalText.safe(Unmatched.line(unmatched)));
            return ExitCodes.USAGE;
          }
          terminal.err().println("error: " + TerminalText.safe(ErrorText.of(e)));
          e.getCommandLine().usage(terminal.err());
          return ExitCodes.USAGE;
        });
    return cli.execute(args);
  }

  static CommandLine commandLine(Terminal terminal) {
    CommandLine cli = new CommandLine(new CairnCli(terminal));
    cli.addSubcommand(new LoginCommands.Login(terminal));
    cli.addSubcommand(new LoginCommands.Logout(terminal));
    cli.addSubcommand(new WhoAmICommand(terminal));
    cli.addSubcommand(ContextCommands.contexts(terminal));
    cli.addSubcommand(ProjectCommands.group(terminal));
    cli.addSubcommand(ModelCommands.group(terminal));
    cli.addSubcommand(VersionCommands.group(terminal));
    cli.addSubcommand(AliasCommands.group(terminal));
    cli.addSubcommand(WebhookCommands.group(terminal));
    cli.addSubcommand(TrustCommands.group(terminal));
    cli.addSubcommand(new ActivateCommand(terminal));
    cli.addSubcommand(new ResolveCommand(terminal));
    cli.addSubcommand(ObserveCommands.standards(terminal));
    cli.addSubcommand(ObserveCommands.instances(terminal));
    cli.addSubcommand(ObserveCommands.audit(terminal));
    cli.addSubcommand(
        Groups.of("events", "The project's event stream.", List.of(new EventsCommand(terminal))));
    cli.addSubcommand(new InspectCommand(terminal));
    cli.addSubcommand(
        Groups.of(
            "token",
            "Tokens for the registry's tokens file.",
            List.of(new TokenCommand(terminal))));
    cli.addSubcommand(new CompletionCommand(terminal));
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, terminal.out());
  }

  private static int exitCode(Exception e) {
    return switch (e) {
      case ExitCodes.Failure f -> f.code();
      case CairnApiException api when "CHECKSUM_MISMATCH".equals(api.code()) -> ExitCodes.INTEGRITY;
      case CairnApiException api when api.status() == 404 -> ExitCodes.NOT_FOUND;
      case CairnApiException api -> ExitCodes.REFUSED;
      case UncheckedIOException io -> ExitCodes.UNREACHABLE;
      default -> ExitCodes.REFUSED;
    };
  }

  /**
   * One line: the problem's code and detail, or what failed — never a stack trace. The caller makes
   * it safe for the terminal: a lying registry chooses code and detail.
   */
  private static String message(Exception e) {
    if (e instanceof CairnApiException api) {
      return api.detail() == null || api.detail().isBlank()
          ? api.code()
          : api.code() + ": " + api.detail();
    }
    return ErrorText.of(e);
  }

  /** The version of the jar (its manifest), for {@code cairn --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CairnCli.class.getPackage().getImplementationVersion();
      return new String[] {"cairn " + (version == null ? "development" : version)};
    }
  }
}
