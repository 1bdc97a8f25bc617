package dev.cairn.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.client.ErrorText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named contexts in {@code config.yaml} (mode 0600): each a server, a token file and a default
 * project, like kubectl's. Tokens live in files of their own (0600) under {@code tokens/}, never in
 * the config file or on a command line.
 */
final class Contexts {

  /** One context. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Context(String server, String tokenFile, String project) {}

  /** The file's content. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Config(String current, Map<String, Context> contexts) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;

  Contexts(Path dir) {
    this.dir = dir;
  }

  Config load() {
    Path file = dir.resolve("config.yaml");
    if (!Files.exists(file)) {
      return new Config(null, new TreeMap<>());
    }
    try {
      Config config = YAML.readValue(file.toFile(), Config.class);
      return new Config(
          config.current(),
          new TreeMap<>(config.contexts() == null ? Map.of() : config.contexts()));
    } catch (IOException e) {
      throw new ExitCodes.Failure(
          ExitCodes.USAGE, file + " is not a cairn config: " + ErrorText.of(e));
    }
  }

  Optional<Context> named(String name) {
    Config config = load();
    String wanted = name != null ? name : config.current();
    return wanted == null ? Optional.empty() : Optional.ofNullable(config.contexts().get(wanted));
  }

  /** Stores {@code context} as {@code name} with its token, and makes it current. */
  void save(String name, Context context, String token) {
    Config config = load();
    Path tokenFile = dir.resolve("tokens").resolve(name);
    writePrivate(tokenFile, token);
    Map<String, Context> contexts = new TreeMap<>(config.contexts());
    contexts.put(name, new Context(context.server(), tokenFile.toString(), context.project()));
    write(new Config(name, contexts));
  }

  /**
   * Adds {@code context} as {@code name} without making it current; {@code token}, when given, is
   * stored in a file of cairn's own, else the context's token file is used where it is.
   */
  void add(String name, Context context, String token) {
    Config config = load();
    String tokenFile = context.tokenFile();
    if (token != null) {
      Path stored = dir.resolve("tokens").resolve(name);
      writePrivate(stored, token);
      tokenFile = stored.toString();
    }
    Map<String, Context> contexts = new TreeMap<>(config.contexts());
    contexts.put(name, new Context(context.server(), tokenFile, context.project()));
    write(new Config(config.current() == null ? name : config.current(), contexts));
  }

  void use(String name) {
    Config config = load();
    if (!config.contexts().containsKey(name)) {
      throw new ExitCodes.Failure(ExitCodes.NOT_FOUND, "no context '" + name + "'");
    }
    write(new Config(name, config.contexts()));
  }

  void remove(String name) {
    Config config = load();
    Context gone = config.contexts().get(name);
    if (gone == null) {
      throw new ExitCodes.Failure(ExitCodes.NOT_FOUND, "no context '" + name + "'");
    }
    Map<String, Context> contexts = new TreeMap<>(config.contexts());
    contexts.remove(name);
    try {
      // Only a token cairn stored itself; a --token-file belongs to its owner.
      Path token = gone.tokenFile() == null ? null : Path.of(gone.tokenFile());
      if (token != null && token.startsWith(dir.resolve("tokens"))) {
        Files.deleteIfExists(token);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(new Config(name.equals(config.current()) ? null : config.current(), contexts));
  }

  private void write(Config config) {
    try {
      writePrivate(dir.resolve("config.yaml"), YAML.writeValueAsString(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to a file only its owner may read (created so, never widened first). */
  private static void writePrivate(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, text);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
