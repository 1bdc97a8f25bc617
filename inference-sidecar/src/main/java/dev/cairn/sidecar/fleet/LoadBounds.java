package dev.cairn.sidecar.fleet;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a fleet's loaded models within {@code CAIRN_MAX_LOADED_MODELS} and {@code
 * CAIRN_MAX_LOADED_BYTES} by unloading the least recently used ones. The model just loaded and any
 * model serving a request right now are never unloaded.
 */
final class LoadBounds {

  private final int maxModels;
  private final long maxBytes;

  LoadBounds(int maxModels, long maxBytes) {
    this.maxModels = maxModels;
    this.maxBytes = maxBytes;
  }

  synchronized void enforce(Collection<ServedModel> models, ServedModel justLoaded) {
    List<ServedModel> loaded =
        models.stream()
            .filter(ServedModel::loaded)
            .sorted(Comparator.comparingLong(ServedModel::lastUsedNanos))
            .toList();
    int count = loaded.size();
    long bytes = loaded.stream().mapToLong(ServedModel::loadedBytes).sum();
    for (ServedModel candidate : loaded) {
      if (count <= maxModels && bytes <= maxBytes) {
        return;
      }
      if (candidate == justLoaded || candidate.manager().current().inUse()) {
        continue;
      }
      bytes -= candidate.loadedBytes();
      count--;
      candidate.unload();
    }
  }
}
