package dev.cairn.registry.blob;

import java.util.regex.Pattern;

/** The content address of a blob: {@code sha256/<first two hex>/<hex>}. */
public final class BlobKeys {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private BlobKeys() {}

  public static String key(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex sha256: " + sha256);
    }
    return "sha256/" + sha256.substring(0, 2) + "/" + sha256;
  }

  public static boolean isDigest(String value) {
    return value != null && SHA256.matcher(value).matches();
  }
}
