package dev.cairn.registry.oci;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A project with model {@code m} (variants HIGH, the default, and LOW): version {@code high} holds
 * four files (weights, a weight config, a README and a file in a sub-directory), version {@code
 * low} one file, and alias {@code production} points at both. Plus a raw HTTP client for {@code
 * /v2/}.
 */
public final class OciFixture {

  public static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public final String project;
  public final Version high;
  public final Version low;
  public final Map<String, byte[]> highFiles;

  private OciFixture(String project, Version high, Version low, Map<String, byte[]> highFiles) {
    this.project = project;
    this.high = high;
    this.low = low;
    this.highFiles = highFiles;
  }

  public String name() {
    return project + "/m";
  }

  public static OciFixture publish(TestRegistry registry, String prefix) {
    String project = TestRegistry.uniqueProject(prefix);
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher
        .models()
        .create(project, ModelCreate.named("m").withVariants(List.of("HIGH", "LOW"), "HIGH"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] weights = new byte[300_000];
    new Random(29).nextBytes(weights);
    files.put("model.safetensors", weights);
    files.put("config.json", "{\"hidden\":8}".getBytes(StandardCharsets.UTF_8));
    files.put("README.md", "# m\n".getBytes(StandardCharsets.UTF_8));
    files.put("tokenizer/vocab.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
    Version high = publish(publisher, project, "HIGH", files);
    Version low = Versions.ready(publisher, project, "m", "LOW", "low weights");
    registry
        .client(TestTokens.ADMIN)
        .aliases()
        .put(
            project,
            "m",
            "production",
            AliasUpdate.pointers(Map.of("HIGH", high.version(), "LOW", low.version()), "setup"),
            null,
            null);
    return new OciFixture(project, high, low, files);
  }

  private static Version publish(
      CairnClient publisher, String project, String variant, Map<String, byte[]> files) {
    List<FileDeclaration> declared = new ArrayList<>();
    files.forEach(
        (path, bytes) ->
            declared.add(
                new FileDeclaration(path, Versions.sha256(bytes), (long) bytes.length, null)));
    Version v =
        publisher
            .versions()
            .create(
                project,
                "m",
                VersionCreate.ofFormat("generic").forVariant(variant).withFiles(declared));
    try {
      Path dir = Files.createDirectories(Path.of("target", "oci-fixture", project));
      for (var file : files.entrySet()) {
        Path local = Files.write(dir.resolve("upload.bin"), file.getValue());
        publisher
            .versions()
            .upload(
                project, "m", v.version(), file.getKey(), local, Versions.sha256(file.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return publisher.versions().complete(project, "m", v.version());
  }

  /**
   * Trusts a fresh key in the project and stores its OMS bundle over {@code v}'s files (issue 29
   * item 6: a signed version has its bundle as its one OCI referrer); the bundle's bytes.
   */
  public byte[] sign(TestRegistry registry, Version v) {
    TestSigner signer = TestSigner.generate();
    Http http = registry.http();
    String at = "/api/v1/projects/" + project;
    HttpResponse<String> trusted =
        http.send("PUT", at + "/trust", TestTokens.ADMIN, signer.policy("ci"));
    if (trusted.statusCode() != 200) {
      throw new IllegalStateException("trust PUT: " + trusted.statusCode() + " " + trusted.body());
    }
    Map<String, String> files = new HashMap<>();
    v.files().forEach(f -> files.put(f.path(), f.sha256()));
    byte[] bundle = signer.sign(files);
    HttpResponse<String> stored =
        http.sendBytes(
            "PUT",
            at + "/models/m/versions/" + v.version() + "/signature",
            TestTokens.PUBLISHER,
            bundle,
            Map.of("Content-Type", "application/json"));
    if (stored.statusCode() != 201) {
      throw new IllegalStateException(
          "signature PUT: " + stored.statusCode() + " " + stored.body());
    }
    return bundle;
  }

  /** A request to {@code path} with {@code Authorization: Bearer token} (none for null). */
  public static HttpResponse<byte[]> send(
      URI base, String method, String path, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<byte[]> get(URI base, String path) {
    return send(base, "GET", path, TestTokens.READER, Map.of());
  }

  public static String text(HttpResponse<byte[]> res) {
    return new String(res.body(), StandardCharsets.UTF_8);
  }

  public static String header(HttpResponse<?> res, String name) {
    return res.headers().firstValue(name).orElse(null);
  }
}
