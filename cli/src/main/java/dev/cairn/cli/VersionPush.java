package dev.cairn.cli;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import java.io.PrintStream;
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
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code version push}: hashes every file locally, declares the version with the pins (or finds the
 * PENDING version of that name and sends only what it lacks), uploads in parallel, streamed, with a
 * progress bar per file, and completes. A digest the registry does not find is exit 3.
 */
final class VersionPush {

  private final CairnClient client;
  private final String project;
  private final String model;
  private final boolean progress;
  private final PrintStream err;

  VersionPush(CairnClient client, String project, String model, boolean progress, PrintStream err) {
    this.client = client;
    this.project = project;
    this.model = model;
    this.progress = progress;
    this.err = err;
  }

  Version push(
      Map<String, LocalFiles.LocalFile> files,
      String name,
      String variant,
      String format,
      Map<String, String> labels,
      Map<String, String> metadata,
      int parallel) {
    Map<String, String> shas = new LinkedHashMap<>();
    files.forEach((path, file) -> shas.put(path, LocalFiles.sha256(file.file())));
    Version version = pendingOrNew(files, shas, name, variant, format, labels, metadata);
    List<String> missing = new ArrayList<>();
    for (VersionFile declared : version.files()) {
      if (!Boolean.TRUE.equals(declared.present())) {
        missing.add(declared.path());
      }
    }
    upload(version.version(), files, shas, missing, Math.max(1, parallel));
    return client.versions().complete(project, model, version.version());
  }

  private Version pendingOrNew(
      Map<String, LocalFiles.LocalFile> files,
      Map<String, String> shas,
      String name,
      String variant,
      String format,
      Map<String, String> labels,
      Map<String, String> metadata) {
    if (name != null) {
      Optional<Version> existing = find(name);
      if (existing.isPresent() && "PENDING".equals(existing.get().state())) {
        return existing.get(); // resume: its files keep their pins, only the missing are sent
      }
    }
    List<FileDeclaration> declarations =
        files.values().stream()
            .map(f -> new FileDeclaration(f.path(), shas.get(f.path()), f.size(), null))
            .toList();
    VersionCreate request =
        new VersionCreate(
            name,
            variant,
            format,
            null,
            metadata.isEmpty() ? null : new HashMap<>(metadata),
            null,
            declarations,
            labels.isEmpty() ? null : labels,
            null,
            null);
    return client.versions().create(project, model, request);
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
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void send(String version, LocalFiles.LocalFile file, String sha) {
    if (!progress) {
      client.versions().upload(project, model, version, file.path(), file.file(), sha);
      return;
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(file.path())
            .setInitialMax(file.size())
            .setUnit("MiB", 1 << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
            .build()) {
      client.versions().upload(project, model, version, file.path(), file.file(), sha, bar::stepTo);
    }
  }
}
