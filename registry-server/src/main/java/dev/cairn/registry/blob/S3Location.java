package dev.cairn.registry.blob;

import java.net.URI;

/** Parsed {@code s3://bucket/prefix}: where the S3 blob store keeps its objects. */
public record S3Location(String bucket, String prefix) {

  public static S3Location parse(String uri) {
    URI parsed = URI.create(uri);
    if (!"s3".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("expected s3://bucket[/prefix], got " + uri);
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+|/+$", "");
    return new S3Location(parsed.getHost(), path);
  }

  /** The object key of {@code relative} under the prefix. */
  public String key(String relative) {
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }
}
