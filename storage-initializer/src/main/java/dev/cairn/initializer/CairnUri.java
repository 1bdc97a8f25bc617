package dev.cairn.initializer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code cairn://[<host[:port]>/]<project>/<model>(@<alias>|:<version>|@sha256:<hex>)}
 * with an optional {@code ?variant=<name>} (issue 29 item 1). Anything else is refused rather than
 * guessed at: percent-encoding, userinfo, empty or dot-dot parts, other query keys, fragments.
 *
 * @param host {@code host[:port]} when the URI names a registry; empty for the configured one
 */
public record CairnUri(
    Optional<String> host,
    String project,
    String model,
    Selector selector,
    String value,
    Optional<String> variant) {

  /** How the model's version is chosen. */
  public enum Selector {
    ALIAS,
    VERSION,
    DIGEST
  }

  public static final String SCHEME = "cairn://";

  /** The registry's own name rules (its {@code Names}): a DNS label for projects. */
  private static final Pattern PROJECT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:(\\d{1,5}))?");
  private static final String DIGEST_MARK = "@sha256:";

  /** The URI, or an {@link InitFailure} with {@link ExitCode#USAGE} saying what is wrong. */
  public static CairnUri parse(String text) {
    if (text == null || !text.startsWith(SCHEME)) {
      throw usage(text, "must start with " + SCHEME);
    }
    for (char c : text.toCharArray()) {
      if (c <= ' ' || c == 0x7f || c == '\\' || c == '#' || c == '%' || c > 0x7e) {
        throw usage(
            text,
            c == '%'
                ? "percent-encoding is not accepted (names never need it)"
                : "contains a character a cairn:// URI cannot hold");
      }
    }
    String rest = text.substring(SCHEME.length());
    Optional<String> variant = Optional.empty();
    int question = rest.indexOf('?');
    if (question >= 0) {
      variant = Optional.of(variant(text, rest.substring(question + 1)));
      rest = rest.substring(0, question);
    }
    String[] parts = rest.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw usage(
          text,
          "must be [host[:port]/]project/model followed by @alias, :version or @sha256:digest");
    }
    Optional<String> host = Optional.empty();
    int next = 0;
    if (parts.length == 3) {
      host = Optional.of(host(text, parts[0]));
      next = 1;
    }
    String project = parts[next];
    if (!PROJECT.matcher(project).matches()) {
      throw usage(text, "project '" + project + "' is not a project name");
    }
    return last(text, host, project, parts[next + 1], variant);
  }

  private static CairnUri last(
      String text, Optional<String> host, String project, String part, Optional<String> variant) {
    int digest = part.indexOf(DIGEST_MARK);
    if (digest >= 0) {
      String hex = part.substring(digest + DIGEST_MARK.length());
      if (!DIGEST.matcher(hex).matches()) {
        throw usage(text, "a digest is sha256: and 64 lowercase hex digits");
      }
      return new CairnUri(
          host,
          project,
          name(text, "model", part.substring(0, digest)),
          Selector.DIGEST,
          "sha256:" + hex,
          variant);
    }
    int at = part.indexOf('@');
    int colon = part.indexOf(':');
    if (at >= 0 && colon < 0) {
      return new CairnUri(
          host,
          project,
          name(text, "model", part.substring(0, at)),
          Selector.ALIAS,
          name(text, "alias", part.substring(at + 1)),
          variant);
    }
    if (colon >= 0 && at < 0) {
      return new CairnUri(
          host,
          project,
          name(text, "model", part.substring(0, colon)),
          Selector.VERSION,
          name(text, "version", part.substring(colon + 1)),
          variant);
    }
    throw usage(
        text, "the model must be followed by exactly one of @alias, :version or @sha256:digest");
  }

  private static String host(String text, String host) {
    if (host.contains("@")) {
      throw usage(
          text, "user information (user@host) is not accepted: the token comes from a file");
    }
    Matcher m = HOST.matcher(host);
    if (!m.matches()) {
      throw usage(text, "host '" + host + "' is not a host name with an optional port");
    }
    if (m.group(6) != null) {
      int port = Integer.parseInt(m.group(6));
      if (port < 1 || port > 65535) {
        throw usage(text, "port " + port + " is not from 1 to 65535");
      }
    }
    return host.toLowerCase(Locale.ROOT);
  }

  private static String variant(String text, String query) {
    if (!query.startsWith("variant=") || query.contains("&")) {
      throw usage(text, "the only query is ?variant=<name>");
    }
    return name(text, "variant", query.substring("variant=".length()));
  }

  private static String name(String text, String what, String name) {
    if (name.isEmpty()) {
      throw usage(text, "the " + what + " is empty");
    }
    if (name.contains("..") || !RESOURCE.matcher(name).matches()) {
      throw usage(text, what + " '" + name + "' is not a name (letters, digits, . _ -; no '..')");
    }
    return name;
  }

  private static InitFailure usage(String text, String reason) {
    return new InitFailure(
        ExitCode.USAGE, "'" + shown(text) + "' is not a cairn:// URI: " + reason);
  }

  /** The URI as printed: control characters would break the one stderr line. */
  private static String shown(String text) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > 200 ? text.substring(0, 200) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** The registry's {@code ref}: {@code model@alias} or {@code model:version}. */
  public String ref() {
    return switch (selector) {
      case ALIAS -> model + "@" + value;
      case VERSION -> model + ":" + value;
      case DIGEST -> throw new IllegalStateException("a digest is found by listing versions");
    };
  }

  @Override
  public String toString() {
    String selected =
        switch (selector) {
          case ALIAS, DIGEST -> "@" + value;
          case VERSION -> ":" + value;
        };
    return SCHEME
        + host.map(h -> h + "/").orElse("")
        + project
        + "/"
        + model
        + selected
        + variant.map(v -> "?variant=" + v).orElse("");
  }
}
