package dev.cairn.registry.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The download URL of a stored file, each path segment encoded. */
public final class FileUrls {

  private FileUrls() {}

  public static String of(String project, String model, String version, String path) {
    String encoded =
        Arrays.stream(path.split("/"))
            .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("/"));
    return "/api/v1/projects/"
        + project
        + "/models/"
        + model
        + "/versions/"
        + version
        + "/files/"
        + encoded;
  }
}
