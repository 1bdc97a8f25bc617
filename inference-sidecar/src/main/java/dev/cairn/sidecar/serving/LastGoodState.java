package dev.cairn.sidecar.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The small state file beside the cache ({@code state.json}) naming the last set that served, so a
 * sidecar that starts while the registry is down can serve it again from verified bytes.
 */
public final class LastGoodState {

  private final Path file;
  private final ObjectMapper json;

  public LastGoodState(Path cacheDir, ObjectMapper json) {
    this(cacheDir, "state.json", json);
  }

  /** A state file of its own name: one per model of a fleet. */
  public LastGoodState(Path cacheDir, String fileName, ObjectMapper json) {
    this.file = cacheDir.resolve(fileName);
    this.json = json;
  }

  public void save(TargetSet target) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, json.writeValueAsBytes(target));
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public Optional<TargetSet> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), TargetSet.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
