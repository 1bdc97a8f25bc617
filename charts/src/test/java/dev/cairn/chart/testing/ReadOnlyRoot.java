package dev.cairn.chart.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command run as a pod with {@code readOnlyRootFilesystem: true} runs: in a private mount
 * namespace ({@code unshare -m}; for a user other than root, inside a user namespace of its own,
 * {@code unshare -r -m}) where every mount of this machine is remounted read-only, except the
 * kernel's own trees ({@code /proc}, {@code /sys}, {@code /dev} and what is mounted under them,
 * {@code /dev/shm} included, as a container runtime leaves them) and the given directories, each
 * bind-mounted onto itself first so it stays writable. So the working tree, {@code HOME}, {@code
 * /tmp}, the jar's folder and the rest of {@code target/} refuse writes with {@code EROFS}, even to
 * root, which file modes would not stop. Nothing changes outside the namespace.
 */
public final class ReadOnlyRoot {

  /**
   * Binds each writable directory onto itself, remounts every other mount read-only (skipping the
   * kernel trees and mounts already read-only; keeping nosuid, nodev and the like, which a user
   * namespace may not drop), then replaces itself with the command.
   */
  private static final String SCRIPT =
      """
      set -eu
      n=$1; shift
      keep='|'
      while [ "$n" -gt 0 ]; do
        mount --bind "$1" "$1"; keep="$keep$1|"; shift; n=$((n - 1))
      done
      awk '{ print $5, $6 }' /proc/self/mountinfo | while read -r point options; do
        case "$point" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue ;; esac
        case "$keep" in *"|$point|"*) continue ;; esac
        case "$options" in ro|ro,*) continue ;; esac
        mount -o "remount,bind,ro${options#rw}" "$point"
      done
      exec "$@"
      """;

  private static final List<String> AS_ROOT = List.of("unshare", "-m", "--propagation", "private");

  /** An unprivileged user gets a mount namespace inside a user namespace of its own. */
  private static final List<String> AS_USER =
      List.of("unshare", "-r", "-m", "--propagation", "private");

  private final List<String> unshare;
  private final List<Path> writable;

  private ReadOnlyRoot(List<String> unshare, List<Path> writable) {
    this.unshare = unshare;
    this.writable = List.copyOf(writable);
  }

  /**
   * A read-only root with only {@code writable} writable. Skips the calling test, with the reason,
   * only when this machine permits no mount namespace (not root, and user namespaces are off); a
   * missing {@code unshare} or any other failure fails it (util-linux, on every CI image).
   */
  public static ReadOnlyRoot writableOnly(List<Path> writable) {
    Result probe = run(concat(AS_ROOT, List.of("true")));
    List<String> unshare = AS_ROOT;
    if (notPermitted(probe)) {
      probe = run(concat(AS_USER, List.of("true")));
      unshare = AS_USER;
    }
    Assumptions.assumeFalse(
        notPermitted(probe), "unshare not permitted here: " + probe.output().strip());
    assertThat(probe.exit()).as("%s: %s", unshare, probe.output()).isZero();
    return new ReadOnlyRoot(unshare, writable);
  }

  /** {@code command} wrapped to run under this read-only root. */
  public List<String> wrap(List<String> command) {
    List<String> wrapped = concat(unshare, List.of("sh", "-c", SCRIPT, "sh"));
    wrapped.add(Integer.toString(writable.size()));
    writable.forEach(dir -> wrapped.add(dir.toString()));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Runs {@code sh -c 'touch FILE'} under this root: its exit code and output, so a test can show
   * that {@code file} is refused (or accepted) before it trusts the confinement.
   */
  public Result touch(Path file) {
    return run(wrap(List.of("sh", "-c", "touch \"$0\"", file.toString())));
  }

  private static boolean notPermitted(Result probe) {
    return probe.exit() != 0 && probe.output().contains("Operation not permitted");
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a probe command printed and how it ended. */
  public record Result(int exit, String output) {}
}
