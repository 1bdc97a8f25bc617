package dev.cairn.initializer;

import dev.cairn.client.AnswerTooLargeException;
import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.process.UnknownVariables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KServe storage initializer for {@code cairn://} URIs (issue 29 items 1–2): invoked as {@code
 * src_uri dest_path [src_uri dest_path …]}, exactly as KServe's webhook passes its arguments, it
 * resolves each URI once, installs the verified files under its destination and exits 0, or prints
 * one line on stderr and exits with the {@link ExitCode} of the failure.
 */
public final class StorageInitializer {

  static final String PROCESS = "cairn-storage-initializer";
  static final String USAGE =
      PROCESS + " src_uri dest_path [src_uri dest_path …] (src_uri is cairn://…)";

  private final Map<String, String> env;
  private final PrintStream out;
  private final SignatureGate signatures;

  StorageInitializer(Map<String, String> env, PrintStream out, SignatureGate signatures) {
    this.env = env;
    this.out = out;
    this.signatures = signatures;
  }

  /**
   * Where Kubernetes reads a container's termination message: the failure line written there shows
   * in the init container's status ({@code kubectl describe pod}), not only in its log.
   */
  static final Path TERMINATION_LOG = Path.of("/dev/termination-log");

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, TERMINATION_LOG));
  }

  /**
   * Runs the initializer; returns the exit code after printing at most one failure line (also
   * written to {@code terminationLog} when that file exists).
   */
  static int run(
      String[] args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      Path terminationLog) {
    UnknownVariables.warnings(env, InitializerSettings.KNOWN)
        .forEach(w -> err.println(PROCESS + ": " + w));
    try {
      new StorageInitializer(env, out, new SignatureCheck(SignatureSettings.from(env)))
          .install(args);
      return ExitCode.OK.code();
    } catch (InitFailure failure) {
      String line =
          PROCESS + ": " + failure.exitCode().word() + ": " + oneLine(failure.getMessage());
      err.println(line);
      terminate(terminationLog, line);
      return failure.exitCode().code();
    } catch (RuntimeException unexpected) {
      // Still one line: a crash-looping init container must say why in its status, not in a trace.
      String line =
          PROCESS
              + ": "
              + ExitCode.REFUSED.word()
              + ": unexpected failure: "
              + oneLine(ErrorText.of(unexpected));
      err.println(line);
      terminate(terminationLog, line);
      return ExitCode.REFUSED.code();
    }
  }

  private void install(String[] args) {
    if (args.length < 2 || args.length % 2 != 0) {
      throw new InitFailure(ExitCode.USAGE, USAGE);
    }
    List<CairnUri> uris = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      uris.add(CairnUri.parse(args[i])); // every URI checked before anything is fetched
      if (args[i + 1].isBlank()) {
        throw new InitFailure(ExitCode.USAGE, "dest_path for " + args[i] + " is empty; " + USAGE);
      }
    }
    InitializerSettings settings = InitializerSettings.from(env);
    List<URI> registries = new ArrayList<>();
    for (CairnUri uri : uris) {
      registries.add(settings.registryFor(uri)); // a foreign host is refused before any request
    }
    String token = settings.token().orElse(null);
    for (int i = 0; i < uris.size(); i++) {
      installOne(registries.get(i), token, uris.get(i), Path.of(args[2 * i + 1]));
    }
  }

  private void installOne(URI registry, String token, CairnUri uri, Path dest) {
    try {
      CairnClient client = CairnClient.create(registry, token);
      Resolved resolved = new RefResolver(client).resolve(uri);
      Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String signer = signatures.admit(client, uri, resolved).orElse(null);
      Installer.Outcome outcome =
          new Installer()
              .install(
                  dest,
                  resolved.manifest().files(),
                  new VerifiedFetch(client, uri.project(), resolved),
                  () ->
                      Resolution.of(
                          uri,
                          registry.toString(),
                          resolved,
                          signer,
                          resolvedAt,
                          Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      out.println(
          PROCESS
              + ": installed "
              + uri
              + " = "
              + resolved.model()
              + ":"
              + resolved.version().version()
              + " ("
              + resolved.version().digest()
              + ") into "
              + dest
              + ": "
              + outcome.fetched()
              + " fetched, "
              + outcome.resumed()
              + " already verified");
    } catch (CairnApiException e) {
      throw FailureLines.of(e, uri);
    } catch (AnswerTooLargeException e) {
      throw new InitFailure(ExitCode.REFUSED, e.getMessage() + " (" + uri + ")");
    } catch (UncheckedIOException e) {
      throw new InitFailure(ExitCode.UNREACHABLE, ErrorText.of(e) + " (" + uri + ")", e);
    } catch (IOException e) {
      throw new InitFailure(
          ExitCode.LOCAL_IO, "cannot write " + dest + ": " + ErrorText.of(e) + " (" + uri + ")", e);
    }
  }

  private static void terminate(Path terminationLog, String line) {
    if (!Files.isWritable(terminationLog)) {
      return; // not in a container, or a policy that reads the log instead
    }
    try {
      Files.writeString(terminationLog, line + "\n");
    } catch (IOException e) {
      // The line is on stderr already; the status message is a convenience.
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
