package dev.cairn.client;

import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

/** The streaming calls of the client: uploads, downloads and one-shot publishing of files. */
final class ArtifactCalls {

  private final HttpTransport transport;

  ArtifactCalls(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * Publishes a version in one call (multipart): its declaration and every file, streamed from
   * disk; the answer is the READY version, or an error with nothing kept on the server.
   */
  Version publishVersion(
      String project, String model, VersionCreate request, Map<String, Path> files) {
    try {
      MultipartBody body =
          new MultipartBody()
              .json("metadata", transport.json().writeValueAsBytes(request))
              .files(files);
      try (InputStream in =
          transport.sendStream(
              "POST",
              ApiPaths.modelPath(project, model) + "/versions",
              body.publisher(),
              Map.of("Content-Type", body.contentType()))) {
        return transport.read(in, Version.class, "POST " + ApiPaths.modelPath(project, model));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams {@code file} to {@code path} of a PENDING version, announcing its SHA-256. */
  VersionFile uploadFile(
      String project, String model, String version, String path, Path file, String sha256) {
    return uploadFile(project, model, version, path, file, sha256, sent -> {});
  }

  /** The same, telling {@code progress} each time more bytes were read to be sent. */
  VersionFile uploadFile(
      String project,
      String model,
      String version,
      String path,
      Path file,
      String sha256,
      LongConsumer progress) {
    HttpRequest.BodyPublisher body;
    try {
      long size = Files.size(file);
      body =
          HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(
                  () -> {
                    try {
                      return new Counting(Files.newInputStream(file), progress);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }),
              size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in =
        transport.sendStream(
            "PUT",
            ApiPaths.filePath(project, model, version, path),
            body,
            sha256 == null ? Map.of() : Map.of("X-Checksum-Sha256", sha256))) {
      return transport.read(in, VersionFile.class, "PUT " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("upload of " + path + ": " + ErrorText.of(e), e);
    }
  }

  /** Reports the bytes read so far. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;
    private long read;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        progress.accept(read);
      }
      return n;
    }
  }

  /** Streams a stored file into {@code target}; returns the number of bytes written. */
  long downloadFile(
      String project, String model, String version, String path, OutputStream target) {
    try (InputStream in =
        transport.sendForStream(
            "GET",
            ApiPaths.filePath(project, model, version, path),
            null,
            Map.of("Accept", "application/octet-stream"))) {
      return in.transferTo(target);
    } catch (IOException e) {
      throw new UncheckedIOException("download of " + path + ": " + ErrorText.of(e), e);
    }
  }

  <T> T registerStandard(
      String project, String model, StdRegistrationRequest request, boolean dryRun, Class<T> type) {
    try {
      MultipartBody body = new MultipartBody().field("variant", request.variant());
      if (request.expectedInkCount() != null) {
        body.field("expected_ink_count", request.expectedInkCount().toString());
      }
      if (request.notes() != null) {
        body.field("notes", request.notes());
      }
      if (request.createdBy() != null) {
        body.field("created_by", request.createdBy());
      }
      for (Path image : request.images()) {
        body.file("std_images", image);
      }
      try (InputStream in =
          transport.sendStream(
              "POST",
              ApiPaths.modelPath(project, model)
                  + "/std-registrations"
                  + (dryRun ? "?dry_run=true" : ""),
              body.publisher(),
              Map.of("Content-Type", body.contentType()))) {
        return transport.read(in, type, "POST std-registrations");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
