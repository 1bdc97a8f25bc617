package dev.cairn.cli;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code version push}: hashes every file locally, declares the version with the pins (or finds the
 * PENDING version of that name and sends only what it lacks), uploads in parallel, streamed, with a
 * progress bar per file, and completes. A digest the registry does not find is exit 3.
 */
final class VersionPush {

  private final CairnClient client;
  private final String project;
  private final String model;
  private final PushProgress progress;

  VersionPush(CairnClient client, String project, String model, PushProgress progress) {
    this.client = client;
    this.project = project;
    this.model = model;
    this.progress = progress;
  }

  Version push(PushRequest request) {
    Map<String, String> shas = new LinkedHashMap<>();
    request.files().forEach((path, file) -> shas.put(path, LocalFiles.sha256(file.file())));
    Version version = pendingOrNew(request, shas);
    List<String> missing = new ArrayList<>();
    for (VersionFile declared : version.files()) {
      if ("upload".equals(declared.source()) && !Boolean.TRUE.equals(declared.present())) {
        missing.add(declared.path());
      }
    }
    progress.start(
        missing.stream().mapToLong(path -> sizeOf(request.files(), path)).sum(), missing.size());
    try {
      upload(version.version(), request.files(), shas, missing, Math.max(1, request.parallel()));
    } finally {
      progress.close();
    }
    return client.versions().complete(project, model, version.version());
  }

  private Version pendingOrNew(PushRequest request, Map<String, String> shas) {
    if (request.name() != null) {
      Optional<Version> existing = find(request.name());
      if (existing.isPresent() && Version.State.PENDING.is(existing.get().state())) {
        return existing.get(); // resume: its files keep their pins, only the missing are sent
      }
    }
    List<FileDeclaration> declarations = new ArrayList<>();
    request
        .files()
        .values()
        .forEach(
            f ->
                declarations.add(
                    new FileDeclaration(f.path(), shas.get(f.path()), f.size(), null)));
    declarations.addAll(request.references());
    VersionCreate create =
        new VersionCreate(
            request.name(),
            request.variant(),
            request.format(),
            null,
            request.metadata().isEmpty() ? null : new HashMap<>(request.metadata()),
            null,
            declarations,
            request.labels().isEmpty() ? null : request.labels(),
            null,
            null);
    return client.versions().create(project, model, create);
  }

  private Optional<Version> find(String name) {
    try {
      return Optional.of(client.versions().get(project, model, name));
    } catch (CairnApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void upload(
      String version,
      Map<String, LocalFiles.LocalFile> files,
      Map<String, String> shas,
      List<String> missing,
      int parallel) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, missing.size())));
    try {
      List<Future<?>> uploads = new ArrayList<>();
      for (String path : missing) {
        LocalFiles.LocalFile file = files.get(path);
        if (file == null) {
          throw new ExitCodes.Failure(
              ExitCodes.USAGE, "the PENDING version declares '" + path + "', which was not given");
        }
        uploads.add(pool.submit(() -> send(version, file, shas.get(path))));
      }
      for (Future<?> upload : uploads) {
        upload.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(ErrorText.of(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void send(String version, LocalFiles.LocalFile file, String sha) {
    try (PushProgress.FileBar bar = progress.file(file.path(), file.size())) {
      client.versions().upload(project, model, version, file.path(), file.file(), sha, bar::stepTo);
    }
  }

  private static long sizeOf(Map<String, LocalFiles.LocalFile> files, String path) {
    LocalFiles.LocalFile file = files.get(path);
    return file == null ? 0 : file.size();
  }
}
