package dev.cairn.registry.http.routes.oci;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.artifact.ByteRange;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.oci.ModelPack;
import dev.cairn.registry.oci.OciCatalog;
import dev.cairn.registry.oci.OciDigest;
import dev.cairn.registry.oci.OciError;
import dev.cairn.registry.oci.OciPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Manifests and blobs: the bytes of a pull. A manifest is the version's ModelPack image (or, by
 * digest, the referrer of its signature), with its {@code Docker-Content-Digest}, type and length;
 * a blob is a file streamed from the blob store through {@link FileDownloads} (never held whole:
 * its size is checked before the headers and a whole file is hashed on the way, as the download
 * route does), or an image's config bytes, with {@code Range} answered 206 or 416. HEAD answers the
 * same headers without opening the bytes.
 */
final class OciContent {

  private static final String OCTETS = "application/octet-stream";

  private final OciCatalog catalog;
  private final FileDownloads downloads;

  OciContent(OciCatalog catalog, FileDownloads downloads) {
    this.catalog = catalog;
    this.downloads = downloads;
  }

  void manifest(ServerRequest req, ServerResponse res, OciPath path) {
    OciCatalog.Manifest found = catalog.manifest(path.project(), path.model(), path.reference());
    if (!acceptsManifest(req.headers().first(HeaderNames.ACCEPT))) {
      throw new OciError(
          404,
          "MANIFEST_UNKNOWN",
          "manifest unknown",
          "this registry serves " + ModelPack.MANIFEST_MEDIA_TYPE + " only, which Accept excludes");
    }
    byte[] bytes = found.bytes();
    res.header(HeaderNames.CONTENT_TYPE, ModelPack.MANIFEST_MEDIA_TYPE);
    res.header(OciRoutes.CONTENT_DIGEST, found.digest());
    res.header(HeaderNames.ETAG, "\"" + found.digest() + "\"");
    sendBytes(req, res, bytes);
  }

  void blob(ServerRequest req, ServerResponse res, OciPath path) throws IOException {
    OciDigest digest = OciDigest.parse(path.reference());
    switch (catalog.blob(path.project(), path.model(), digest)) {
      case OciCatalog.Blob.Bytes b -> {
        res.header(HeaderNames.CONTENT_TYPE, OCTETS);
        res.header(OciRoutes.CONTENT_DIGEST, digest.toString());
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        Optional<ByteRange> range = range(req, b.bytes().length);
        if (range.isEmpty()) {
          sendBytes(req, res, b.bytes());
          return;
        }
        ByteRange r = range.get();
        res.status(206);
        res.header(HeaderNames.CONTENT_RANGE, r.contentRange(b.bytes().length));
        sendBytes(
            req,
            res,
            Arrays.copyOfRange(b.bytes(), (int) r.offset(), (int) (r.offset() + r.length())));
      }
      case OciCatalog.Blob.File f -> file(req, res, path, digest, f);
    }
  }

  private void file(
      ServerRequest req, ServerResponse res, OciPath path, OciDigest digest, OciCatalog.Blob.File f)
      throws IOException {
    VersionFile file = f.file();
    long size = file.sizeBytes();
    boolean reference = "reference".equals(file.source());
    // A file kept at its source is fetched whole and checked on the way: no ranges of it.
    Optional<ByteRange> range = reference ? Optional.empty() : range(req, size);
    res.header(HeaderNames.CONTENT_TYPE, OCTETS);
    res.header(OciRoutes.CONTENT_DIGEST, digest.toString());
    res.header(HeaderNames.ETAG, "\"" + digest + "\"");
    if (!reference) {
      res.header(HeaderNames.ACCEPT_RANGES, "bytes");
    }
    long offset = range.map(ByteRange::offset).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    range.ifPresent(r -> res.header(HeaderNames.CONTENT_RANGE, r.contentRange(size)));
    if (req.prologue().method().equals(Method.HEAD)) {
      res.status(range.isPresent() ? 206 : 200);
      res.contentLength(length);
      res.send();
      return;
    }
    FileDownloads.Where at = new FileDownloads.Where(path.project(), path.model(), f.version());
    FileDownloads.Body body =
        reference ? downloads.reference(at, file) : downloads.stored(at, file, offset, length);
    res.status(range.isPresent() ? 206 : 200);
    res.contentLength(length);
    try (OutputStream out = res.outputStream()) {
      body.writeTo(out);
    }
  }

  /** The requested range; 416 RANGE_NOT_SATISFIABLE (OCI: the spec's own 416) past the end. */
  private static Optional<ByteRange> range(ServerRequest req, long size) {
    try {
      return ByteRange.parse(req.headers().first(HeaderNames.RANGE), size);
    } catch (ByteRange.Unsatisfiable e) {
      throw new OciError(
              416,
              "RANGE_NOT_SATISFIABLE",
              "requested range not satisfiable",
              "the blob has " + size + " bytes")
          .header("Content-Range", "bytes */" + size);
    }
  }

  private static void sendBytes(ServerRequest req, ServerResponse res, byte[] bytes) {
    res.contentLength(bytes.length);
    if (req.prologue().method().equals(Method.HEAD)) {
      res.send();
    } else {
      res.send(bytes);
    }
  }

  /**
   * Whether {@code Accept} admits the OCI image manifest: no header, a wildcard, or the type itself
   * (parameters and quality values aside; {@code q=0} refuses).
   */
  static boolean acceptsManifest(Optional<String> accept) {
    if (accept.isEmpty() || accept.get().isBlank()) {
      return true;
    }
    for (String part : accept.get().split(",")) {
      String[] pieces = part.split(";");
      String type = pieces[0].trim().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String param = pieces[i].replace(" ", "");
        if (param.equals("q=0") || param.matches("q=0\\.0*")) {
          refused = true;
        }
      }
      if (!refused
          && (type.equals("*/*")
              || type.equals("application/*")
              || type.equals(ModelPack.MANIFEST_MEDIA_TYPE))) {
        return true;
      }
    }
    return false;
  }
}
