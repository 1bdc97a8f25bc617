package dev.cairn.sidecar.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the files JSON {@code paths} name under {@code CAIRN_IMAGE_ROOTS}. Every file system call
 * (resolving, stat, open, read) runs on a small pool of platform threads with a deadline: a stalled
 * network mount or a FIFO blocks in native code, which would pin the carrier of a virtual thread
 * and, with a few of them, stop {@code /v2/health/live} from answering. Only regular files are
 * read; the file is opened without following links and must still be the file that was checked. The
 * threads are daemons that end when idle, so a sidecar stopped in-process leaves none behind.
 */
final class ImageFiles {

  static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final int THREADS = 4;

  /** A file found under the roots: its real path, size and identity when it was checked. */
  private record Found(Path real, long size, Object key) {}

  private final List<Path> roots;
  private final Duration deadline;
  private final ThreadPoolExecutor pool;

  ImageFiles(List<Path> roots, Duration deadline) {
    this.roots = roots;
    this.deadline = deadline;
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            Thread.ofPlatform().daemon().name("cairn-image-files-", 0).factory());
    pool.allowCoreThreadTimeOut(true);
  }

  /** The file's bytes, reserved in {@code account} before they are read. */
  List<byte[]> read(String requested, DecodeBudget.Account account) {
    Found found = onPool(requested, () -> find(requested));
    account.reserve(found.size(), requested);
    return onPool(requested, () -> readChecked(requested, found));
  }

  /** Runs {@code task} on the pool; past the deadline the caller is answered 503. */
  <T> T onPool(String requested, Callable<T> task) {
    Future<T> future;
    try {
      future = pool.submit(task);
    } catch (RejectedExecutionException e) {
      throw Problem.unavailable(
          "BUSY", "too many image files are being read", DecodeBudget.RETRY_AFTER_SECONDS);
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw Problem.unavailable(
          "IMAGE_READ_TIMEOUT",
          ClientText.bounded(requested)
              + " could not be read within "
              + deadline.toSeconds()
              + " s",
          (int) Math.max(1, deadline.toSeconds()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Problem problem) {
        throw problem;
      }
      throw Problem.badRequest(
          "IMAGE_UNREADABLE", ClientText.bounded(requested) + " cannot be read");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw Problem.unavailable(
          "BUSY", "interrupted while reading " + ClientText.bounded(requested), 1);
    }
  }

  private Found find(String requested) throws IOException {
    Path real;
    try {
      real = Path.of(requested).toRealPath();
    } catch (NoSuchFileException | InvalidPathException e) {
      throw Problem.badRequest(
          "IMAGE_NOT_FOUND", ClientText.bounded(requested) + " does not exist");
    }
    if (roots.stream().noneMatch(root -> under(real, root))) {
      throw Problem.badRequest(
          "IMAGE_PATH_NOT_ALLOWED",
          ClientText.bounded(requested) + " is not under CAIRN_IMAGE_ROOTS");
    }
    BasicFileAttributes attributes =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw notAFile(requested);
    }
    return new Found(real, attributes.size(), attributes.fileKey());
  }

  private static List<byte[]> readChecked(String requested, Found found) throws IOException {
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            found.real(), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      // Java cannot fstat an open channel: the file is stat-ed again now that it is open, and
      // must be the same regular file that was checked (not swapped for a FIFO or a link since).
      BasicFileAttributes now =
          Files.readAttributes(found.real(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!now.isRegularFile() || !Objects.equals(now.fileKey(), found.key())) {
        throw notAFile(requested);
      }
      InputStream in = Channels.newInputStream(channel);
      List<byte[]> chunks = new ArrayList<>();
      long left = found.size();
      while (left > 0) {
        byte[] chunk = in.readNBytes((int) Math.min(HeldImage.CHUNK, left));
        if (chunk.length == 0) {
          break;
        }
        chunks.add(chunk);
        left -= chunk.length;
      }
      return chunks;
    }
  }

  private static boolean under(Path real, Path root) {
    try {
      return Files.isDirectory(root) && real.startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static Problem notAFile(String requested) {
    return Problem.badRequest(
        "IMAGE_NOT_A_FILE",
        ClientText.bounded(requested) + " is not a regular file (a FIFO, device or directory)");
  }
}
