package dev.cairn.registry.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under a directory: staged in {@code tmp/}, fsynced, then renamed atomically to
 * {@code sha256/ab/abcd…}. Leftovers of a crash are only ever in {@code tmp/}, which is emptied at
 * startup.
 */
public final class FileBlobStore implements BlobStore {

  private final Path root;
  private final Path tmp;

  private FileBlobStore(Path root) {
    this.root = root;
    this.tmp = root.resolve("tmp");
  }

  /** Opens the store and removes partial uploads a previous process left behind. */
  public static FileBlobStore open(Path root) throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    Files.createDirectories(store.tmp);
    try (Stream<Path> leftovers = Files.list(store.tmp)) {
      for (Path leftover : leftovers.toList()) {
        Files.deleteIfExists(leftover);
      }
    }
    return store;
  }

  @Override
  public String kind() {
    return "file";
  }

  @Override
  public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
    return new LocalStagedBlob(LocalStaging.copy(in, tmp, maxBytes), this::publish);
  }

  /** Renames the fsynced file into place; a blob already there is the same bytes. */
  private void publish(Path file, String sha256, long size) throws IOException {
    Path target = path(sha256);
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(file);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("blob directory must be on one file system: " + root, e);
    }
  }

  @Override
  public Optional<Long> size(String sha256) throws IOException {
    Path file = path(sha256);
    return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
  }

  @Override
  public InputStream open(String sha256, long offset, long length) throws IOException {
    try {
      FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
      channel.position(offset);
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (NoSuchFileException e) {
      throw new BlobMissingException(sha256);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(path(sha256));
  }

  @Override
  public List<String> list() throws IOException {
    Path base = root.resolve("sha256");
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(base, 2)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(BlobKeys::isDigest)
          .sorted()
          .toList();
    }
  }

  @Override
  public boolean healthy() {
    return Files.isDirectory(tmp) && Files.isWritable(tmp);
  }

  /** Where the blob with {@code sha256} lives (tests use it to tamper with bytes). */
  public Path path(String sha256) {
    return root.resolve(BlobKeys.key(sha256));
  }
}
