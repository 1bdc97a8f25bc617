package dev.cairn.registry.oci;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request path under {@code /v2/}, parsed from the raw (undecoded) path: the endpoint and, for
 * repository endpoints, the repository {@code <project>/<model>} and the reference or digest. Text
 * outside the distribution spec's name grammar (percent escapes, {@code ..}, empty segments) is
 * NAME_INVALID before any lookup; a well-formed name that is not two components is NAME_UNKNOWN, as
 * no such repository can exist here.
 */
public record OciPath(Endpoint endpoint, String project, String model, String reference) {

  /** What a path under {@code /v2/} asks for. */
  public enum Endpoint {
    BASE,
    TOKEN,
    MANIFEST,
    BLOB,
    BLOB_UPLOAD,
    TAGS,
    REFERRERS,
    UNKNOWN
  }

  /** The distribution spec's repository path component, plus Cairn's upper-case model names. */
  private static final Pattern COMPONENT =
      Pattern.compile("[A-Za-z0-9]+(?:(?:\\.|_|__|-+)[A-Za-z0-9]+)*");

  private static final int MAX_PATH = 2048;

  public String name() {
    return project + "/" + model;
  }

  /** The endpoint of {@code rawPath}, which starts with {@code /v2}. */
  public static OciPath parse(String rawPath) {
    if (rawPath.equals("/v2") || rawPath.equals("/v2/")) {
      return new OciPath(Endpoint.BASE, null, null, null);
    }
    if (rawPath.equals("/v2/token")) {
      return new OciPath(Endpoint.TOKEN, null, null, null);
    }
    if (rawPath.length() > MAX_PATH) {
      throw nameInvalid("the path is longer than " + MAX_PATH + " characters");
    }
    List<String> segments = Arrays.asList(rawPath.substring(4).split("/", -1));
    int n = segments.size();
    if (n >= 3 && segments.get(n - 2).equals("tags") && segments.get(n - 1).equals("list")) {
      return repository(Endpoint.TAGS, segments.subList(0, n - 2), null);
    }
    int uploads = uploadsIndex(segments);
    if (uploads > 0) {
      return repository(Endpoint.BLOB_UPLOAD, segments.subList(0, uploads - 1), null);
    }
    if (n >= 3) {
      String reference = segments.get(n - 1);
      List<String> name = segments.subList(0, n - 2);
      switch (segments.get(n - 2)) {
        case "manifests" -> {
          return repository(Endpoint.MANIFEST, name, reference);
        }
        case "blobs" -> {
          return repository(Endpoint.BLOB, name, reference);
        }
        case "referrers" -> {
          return repository(Endpoint.REFERRERS, name, reference);
        }
        default -> {}
      }
    }
    return new OciPath(Endpoint.UNKNOWN, null, null, null);
  }

  /** The index of {@code uploads} in {@code …/blobs/uploads[/…]}, or -1. */
  private static int uploadsIndex(List<String> segments) {
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i).equals("uploads") && segments.get(i - 1).equals("blobs") && i >= 3) {
        return i;
      }
    }
    return -1;
  }

  private static OciPath repository(Endpoint endpoint, List<String> name, String reference) {
    String joined = String.join("/", name);
    for (String component : name) {
      if (!COMPONENT.matcher(component).matches()) {
        throw nameInvalid("'" + OciDigest.shorten(joined) + "' is not a repository name");
      }
    }
    if (name.size() != 2) {
      throw OciError.nameUnknown(joined + " (repositories here are <project>/<model>)");
    }
    try {
      return new OciPath(
          endpoint, Names.project(name.get(0)), Names.resource("model", name.get(1)), reference);
    } catch (ApiException e) {
      throw OciError.nameUnknown(joined);
    }
  }

  private static OciError nameInvalid(String detail) {
    return new OciError(400, "NAME_INVALID", "invalid repository name", detail);
  }
}
