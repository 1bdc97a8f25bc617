package dev.cairn.registry.standard;

import dev.cairn.common.multipart.MultipartReader;
import dev.cairn.registry.blob.Sha256;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The multipart body of {@code POST …/std-registrations}: text parts ({@code variant}, {@code
 * expected_ink_count}, {@code notes}, {@code created_by}, {@code tolerance_de00}, {@code
 * share_tolerance}) and {@code std_images} file parts, each streamed to a temp file and hashed on
 * the way. Closing deletes the temp files.
 */
final class StdRegistrationForm implements AutoCloseable {

  private static final int MAX_TEXT = 4096;

  /** An uploaded STD image: its path in the version, client file name, digest and local copy. */
  record Upload(String path, String filename, String sha256, Path file) {}

  private final Map<String, String> fields = new HashMap<>();
  private final List<Upload> images = new ArrayList<>();
  private final Path dir;

  private StdRegistrationForm(Path dir) {
    this.dir = dir;
  }

  static StdRegistrationForm read(String contentType, InputStream body, long maxFileBytes)
      throws IOException {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException(
          415, "UNSUPPORTED_MEDIA_TYPE", "std-registrations takes multipart/form-data");
    }
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    StdRegistrationForm form = new StdRegistrationForm(Files.createTempDirectory("cairn-std-"));
    try {
      Optional<MultipartReader.Part> part;
      while ((part = reader.next()).isPresent()) {
        form.accept(part.get(), maxFileBytes);
      }
      return form;
    } catch (IOException | RuntimeException e) {
      form.close();
      throw e;
    }
  }

  Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  List<Upload> images() {
    return images;
  }

  private void accept(MultipartReader.Part part, long maxFileBytes) throws IOException {
    if (part.name().equals("std_images") || part.name().equals("std_images[]")) {
      images.add(store(part, maxFileBytes));
      return;
    }
    byte[] text = part.content().readNBytes(MAX_TEXT + 1);
    if (text.length > MAX_TEXT) {
      throw ApiException.badRequest("part '" + part.name() + "' is longer than " + MAX_TEXT);
    }
    fields.put(part.name(), new String(text, StandardCharsets.UTF_8));
  }

  private Upload store(MultipartReader.Part part, long maxFileBytes) throws IOException {
    int index = images.size() + 1;
    String filename = part.filename().orElse("image" + index);
    Path file = dir.resolve("img" + index);
    Sha256.Copied copied = Sha256.copy(part.content(), file);
    if (copied.size() > maxFileBytes) {
      throw new ApiException(
          413, "PAYLOAD_TOO_LARGE", "STD images are limited to " + maxFileBytes + " bytes");
    }
    return new Upload("std/img" + index + extension(filename), filename, copied.sha256(), file);
  }

  private static String extension(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    for (String ext : List.of(".png", ".jpg", ".jpeg", ".bmp")) {
      if (lower.endsWith(ext)) {
        return ext;
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    for (Upload image : images) {
      Files.deleteIfExists(image.file());
    }
    Files.deleteIfExists(dir.resolve("signature.json"));
    Files.deleteIfExists(dir);
  }

  Path scratch(String name) {
    return dir.resolve(name);
  }
}
