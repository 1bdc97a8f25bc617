package dev.cairn.registry.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny read-only OCI registry on loopback (JDK HttpServer), anonymous: serves the manifests and
 * blobs a test puts in it, byte for byte as given (so a test can serve a layer whose bytes differ
 * from its digest, or a manifest of any size or shape), and counts requests.
 */
public final class TinyOciServer implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  public final AtomicInteger hits = new AtomicInteger();
  private volatile String basic;

  public TinyOciServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v2/",
        exchange -> {
          hits.incrementAndGet();
          String sent = exchange.getRequestHeaders().getFirst("Authorization");
          if (basic != null && !basic.equals(sent)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"tiny\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
          }
          String path = exchange.getRequestURI().getPath();
          int manifest = path.indexOf("/manifests/");
          int blob = path.indexOf("/blobs/");
          byte[] body =
              manifest > 0
                  ? manifests.get(path.substring(manifest + 11))
                  : blob > 0 ? blobs.get(path.substring(blob + 7)) : null;
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange
                .getResponseHeaders()
                .set(
                    "Content-Type",
                    manifest > 0
                        ? "application/vnd.oci.image.manifest.v1+json"
                        : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** From now on, every request needs {@code Basic user:password} (401 with a challenge if not). */
  public TinyOciServer requireBasic(String user, String password) {
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The source naming {@code repository:tag} here, over plain http. */
  public String source(String repository, String tag) {
    return "oci+http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository + ":" + tag;
  }

  public TinyOciServer manifest(String tag, byte[] bytes) {
    manifests.put(tag, bytes);
    manifests.put(digest(bytes), bytes);
    return this;
  }

  public TinyOciServer blob(String digest, byte[] bytes) {
    blobs.put(digest, bytes);
    return this;
  }

  /** A ModelPack manifest (cncf media types) with one raw weight layer per file. */
  public static ObjectNode modelPack(Map<String, byte[]> files) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    root.put("artifactType", "application/vnd.cncf.model.manifest.v1+json");
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    ObjectNode c = root.putObject("config");
    c.put("mediaType", "application/vnd.cncf.model.config.v1+json");
    c.put("digest", digest(config));
    c.put("size", config.length);
    ArrayNode layers = root.putArray("layers");
    files.forEach(
        (path, bytes) -> {
          ObjectNode layer = layers.addObject();
          layer.put("mediaType", "application/vnd.cncf.model.weight.v1.raw");
          layer.put("digest", digest(bytes));
          layer.put("size", bytes.length);
          layer.putObject("annotations").put("org.cncf.model.filepath", path);
        });
    return root;
  }

  public static byte[] bytes(ObjectNode manifest) {
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String digest(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
