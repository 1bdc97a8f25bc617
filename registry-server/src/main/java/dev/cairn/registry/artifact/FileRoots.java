package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * Reads regular files under {@code CAIRN_FILE_ROOTS} (spec 40-security): the real path must lie
 * under a root, and only a regular file with one link is opened ({@code
 * CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS} admits more). A FIFO, device, socket or directory is 422
 * {@code FILE_ROOT_NOT_REGULAR}; a hard link is 422 {@code FILE_ROOT_HARD_LINK}, since it can name
 * a file outside the root on the same file system and no path check can tell. Every stat and open
 * runs through {@link BlockingFileCalls}, so a stalled mount answers 503 {@code
 * FILE_ROOT_UNAVAILABLE} instead of pinning the server's threads.
 */
final class FileRoots {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final List<Path> roots;
  private final boolean allowHardLinks;
  private final BlockingFileCalls calls;

  FileRoots(List<Path> roots, boolean allowHardLinks, BlockingFileCalls calls) {
    this.roots = roots;
    this.allowHardLinks = allowHardLinks;
    this.calls = calls;
  }

  /** The bytes of the regular file {@code path}; {@code named} is how the caller named it. */
  InputStream open(Path path, String named) throws IOException {
    return Channels.newInputStream(
        calls.call(named, () -> openRegular(path, named), FileChannel::close));
  }

  /** The real path of the directory {@code path}, once it is known to lie under a root. */
  Path directory(Path path, String named) throws IOException {
    return calls.call(
        named,
        () -> {
          Path real = underRoots(path, named);
          if (!Files.isDirectory(real, NOFOLLOW)) {
            throw new ApiException(
                422, "SOURCE_UNAVAILABLE", "artifacts_dir '" + named + "' is not a directory");
          }
          return real;
        },
        dir -> {});
  }

  /**
   * Opens {@code path} read-only, refusing what is not a regular file before the open (opening a
   * FIFO blocks until a writer comes) and checking after it that the path still names the same
   * file. Java cannot stat the opened descriptor itself, so the check compares the file key (device
   * and inode) read before and after the open, both without following links; a swap would have to
   * land between two system calls and back, and the open itself refuses a final symbolic link.
   */
  private FileChannel openRegular(Path path, String named) throws IOException {
    Path real = underRoots(path, named);
    BasicFileAttributes before = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
    requireRegular(before, named);
    requireOneLink(real, named);
    FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, NOFOLLOW);
    try {
      BasicFileAttributes after = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
      requireRegular(after, named);
      if (!Objects.equals(before.fileKey(), after.fileKey())) {
        throw notRegular(named, "it was replaced while it was opened");
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void requireRegular(BasicFileAttributes attributes, String named) {
    if (!attributes.isRegularFile()) {
      throw notRegular(
          named,
          attributes.isDirectory()
              ? "it is a directory"
              : attributes.isSymbolicLink()
                  ? "it is a symbolic link"
                  : "it is a FIFO, socket or device");
    }
  }

  private void requireOneLink(Path real, String named) throws IOException {
    if (allowHardLinks) {
      return;
    }
    Object links = Files.getAttribute(real, "unix:nlink", NOFOLLOW);
    if (links instanceof Integer count && count > 1) {
      throw new ApiException(
          422,
          "FILE_ROOT_HARD_LINK",
          "reference "
              + named
              + " refused: it has "
              + count
              + " hard links, and a hard link can name a file outside CAIRN_FILE_ROOTS; copy the"
              + " file, or set CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS=true if every link is trusted");
    }
  }

  private Path underRoots(Path path, String named) throws IOException {
    Path normal = path.normalize();
    Path real = Files.exists(normal, NOFOLLOW) ? normal.toRealPath() : normal;
    if (roots.stream().noneMatch(root -> real.startsWith(realRoot(root)))) {
      throw ApiException.badRequest(
          "reference " + named + " refused: file references must be under CAIRN_FILE_ROOTS");
    }
    return real;
  }

  private static Path realRoot(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  private static ApiException notRegular(String named, String why) {
    return new ApiException(
        422,
        "FILE_ROOT_NOT_REGULAR",
        "reference " + named + " refused: " + why + "; file references must name regular files");
  }
}
