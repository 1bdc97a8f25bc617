package dev.cairn.sidecar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes named pipes with {@code mkfifo}: opening one for reading blocks until a writer comes. */
public final class Fifos {

  private Fifos() {}

  public static Path make(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
      throw new IOException("mkfifo " + path + " failed");
    }
    if (!Files.exists(path) || Files.isRegularFile(path)) {
      throw new IOException(path + " is not a FIFO");
    }
    return path;
  }
}
