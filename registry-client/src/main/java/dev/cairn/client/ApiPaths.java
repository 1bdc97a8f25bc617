package dev.cairn.client;

import dev.cairn.client.model.AuditQuery;
import java.util.HashMap;
import java.util.Map;

/** The URLs and conditional headers of the registry API, built from encoded names. */
final class ApiPaths {

  static final String API = "/api/v1";

  private ApiPaths() {}

  static String filePath(String project, String model, String version, String path) {
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.split("/")) {
      encoded.append('/').append(QueryString.encode(segment));
    }
    return versionPath(project, model, version) + "/files" + encoded;
  }

  static String auditQuery(AuditQuery query) {
    return new QueryString()
        .add("model", query.model())
        .add("action", query.action())
        .add("actor", query.actor())
        .add("since", query.since())
        .add("until", query.until())
        .add("limit", query.limit())
        .add("page_token", query.pageToken())
        .toString();
  }

  static String projectPath(String project) {
    return API + "/projects/" + QueryString.encode(project);
  }

  static String modelPath(String project, String model) {
    return projectPath(project) + "/models/" + QueryString.encode(model);
  }

  static String versionPath(String project, String model, String version) {
    return modelPath(project, model) + "/versions/" + QueryString.encode(version);
  }

  static Map<String, String> conditions(Long ifMatch, String idempotencyKey) {
    Map<String, String> headers = new HashMap<>();
    if (ifMatch != null) {
      headers.put("If-Match", "\"" + ifMatch + "\"");
    }
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }

  static String aliasPath(String project, String model, String alias) {
    return modelPath(project, model) + "/aliases/" + QueryString.encode(alias);
  }
}
