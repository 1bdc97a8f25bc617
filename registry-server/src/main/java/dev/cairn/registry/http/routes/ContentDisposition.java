package dev.cairn.registry.http.routes;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} (RFC 6266) for a stored file, named after its basename:
 * an ASCII {@code filename} with every other character replaced by {@code _}, for old clients, and
 * the exact name as {@code filename*=UTF-8''…} (RFC 8187), which current clients prefer.
 */
final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  static String attachment(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** Letters, digits, space and {@code .-_} kept; nothing a quoted-string must escape. */
  private static String ascii(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(c -> out.append(isAlphaNumeric(c) || " .-_".indexOf(c) >= 0 ? (char) c : '_'));
    return out.toString();
  }

  /** RFC 8187 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
  private static String encoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAlphaNumeric(c) || ATTR_CHARS.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isAlphaNumeric(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
