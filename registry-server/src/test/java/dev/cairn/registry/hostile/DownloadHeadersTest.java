package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.domain.FileUrls;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 10: a downloaded file must be saved, never rendered or sniffed by a browser (an
 * uploaded {@code .html} would otherwise run as the registry's origin). Before: downloads carried
 * neither {@code Content-Disposition: attachment} nor {@code X-Content-Type-Options: nosniff}.
 */
class DownloadHeadersTest {

  // '"' is refused in stored paths (not portable); ';' and non-ASCII still need the encoding.
  private static final String HOSTILE_NAME = "page x;y é.html";

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void downloadsAreAttachmentsNamedAfterTheBasenameAndNeverSniffed() throws Exception {
    String project = TestRegistry.uniqueProject("download-headers");
    Version v = publish(project);

    HttpResponse<String> plain = download(project, v, "weights/model.bin", Map.of());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).isEqualTo("weights");
    assertThat(header(plain, "Content-Disposition"))
        .isEqualTo("attachment; filename=\"model.bin\"; filename*=UTF-8''model.bin");
    assertThat(header(plain, "X-Content-Type-Options")).isEqualTo("nosniff");

    HttpResponse<String> page =
        download(project, v, "docs/" + HOSTILE_NAME, Map.of("Range", "bytes=0-5"));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(206);
    assertThat(page.body()).isEqualTo("<html>");
    assertThat(header(page, "Content-Type")).isEqualTo("application/octet-stream");
    assertThat(header(page, "Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"page x_y _.html\";"
                + " filename*=UTF-8''page%20x%3By%20%C3%A9.html");
    assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
  }

  /** Declared, uploaded one by one (PUT …/files/{path}, the path URL-encoded) and completed. */
  private Version publish(String project) throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(project, ModelCreate.named("m"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("weights/model.bin", "weights".getBytes(StandardCharsets.UTF_8));
    files.put(
        "docs/" + HOSTILE_NAME, "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    List<FileDeclaration> declared = new ArrayList<>();
    files.forEach(
        (path, bytes) ->
            declared.add(
                new FileDeclaration(path, Versions.sha256(bytes), (long) bytes.length, null)));
    Version v =
        publisher
            .versions()
            .create(project, "m", VersionCreate.ofFormat("generic").withFiles(declared));
    Path dir = Files.createDirectories(Path.of("target", "download-headers", project));
    for (var file : files.entrySet()) {
      Path local = Files.write(dir.resolve("upload.bin"), file.getValue());
      publisher
          .versions()
          .upload(
              project, "m", v.version(), file.getKey(), local, Versions.sha256(file.getValue()));
    }
    return publisher.versions().complete(project, "m", v.version());
  }

  private HttpResponse<String> download(
      String project, Version v, String path, Map<String, String> headers) {
    return registry
        .http()
        .send(
            "GET", FileUrls.of(project, "m", v.version(), path), TestTokens.READER, null, headers);
  }

  private static String header(HttpResponse<String> res, String name) {
    return res.headers().firstValue(name).orElse(null);
  }
}
