package dev.cairn.registry.http.routes.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.oci.OciCatalog;
import dev.cairn.registry.oci.OciDigest;
import dev.cairn.registry.oci.OciError;
import dev.cairn.registry.oci.OciPath;
import dev.cairn.registry.oci.SignatureReferrer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The small JSON answers of {@code /v2/}: the base check, the token endpoint, {@code tags/list}
 * ({@code n} and {@code last}, sorted, with a {@code Link} to the next page) and the referrers
 * index ({@code artifactType} filter, {@code OCI-Filters-Applied}).
 */
final class OciListings {

  /** The most tags one page holds, whatever {@code n} asks: a larger n gets a Link onwards. */
  static final int MAX_PAGE = 1000;

  static final String INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";

  private final OciCatalog catalog;
  private final ObjectMapper json;

  OciListings(OciCatalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  void base(ServerRequest req, ServerResponse res) {
    send(req, res, "application/json", json.createObjectNode());
  }

  /**
   * The token of the challenge flow: the caller's own token, handed back for the Bearer header
   * clients send next. Nothing is minted, so nothing outlives the token that was presented.
   */
  void token(ServerResponse res, String presented) {
    ObjectNode body = json.createObjectNode();
    body.put("token", presented);
    body.put("access_token", presented);
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    try {
      res.send(json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  void tags(ServerRequest req, ServerResponse res, OciPath path) {
    int n = pageSize(req.query().first("n").asOptional());
    Optional<String> last = req.query().first("last").asOptional();
    List<String> all = catalog.tags(path.project(), path.model());
    List<String> after =
        last.map(l -> all.stream().filter(t -> t.compareTo(l) > 0).toList()).orElse(all);
    List<String> page = after.subList(0, Math.min(n, after.size()));
    if (page.size() < after.size() && !page.isEmpty()) {
      res.header(
          HeaderNames.LINK,
          "</v2/"
              + path.name()
              + "/tags/list?n="
              + n
              + "&last="
              + URLEncoder.encode(page.getLast(), StandardCharsets.UTF_8)
              + ">; rel=\"next\"");
    }
    ObjectNode body = json.createObjectNode();
    body.put("name", path.name());
    ArrayNode tags = body.putArray("tags");
    page.forEach(tags::add);
    send(req, res, "application/json", body);
  }

  void referrers(ServerRequest req, ServerResponse res, OciPath path) {
    OciDigest digest = OciDigest.parse(path.reference());
    Optional<String> artifactType =
        req.query().first("artifactType").asOptional().filter(t -> !t.isEmpty());
    List<SignatureReferrer> referrers =
        catalog.referrers(path.project(), path.model(), digest).stream()
            .filter(r -> artifactType.isEmpty() || artifactType.get().equals(r.artifactType()))
            .toList();
    ObjectNode body = json.createObjectNode();
    body.put("schemaVersion", 2);
    body.put("mediaType", INDEX_MEDIA_TYPE);
    ArrayNode manifests = body.putArray("manifests");
    for (SignatureReferrer r : referrers) {
      ObjectNode d = manifests.addObject();
      d.put("mediaType", r.mediaType());
      d.put("digest", r.digest());
      d.put("size", r.size());
      d.put("artifactType", r.artifactType());
      if (!r.annotations().isEmpty()) {
        d.set("annotations", json.valueToTree(r.annotations()));
      }
    }
    artifactType.ifPresent(t -> res.header("OCI-Filters-Applied", "artifactType"));
    send(req, res, INDEX_MEDIA_TYPE, body);
  }

  /**
   * {@code n}: absent is every tag (up to {@link #MAX_PAGE}), 0 an empty page, a number above the
   * cap the cap; anything else is 400 PAGINATION_NUMBER_INVALID.
   */
  static int pageSize(Optional<String> n) {
    if (n.isEmpty()) {
      return MAX_PAGE;
    }
    String text = n.get();
    if (!text.matches("[0-9]{1,19}")) {
      throw new OciError(
          400,
          "PAGINATION_NUMBER_INVALID",
          "invalid number of results requested",
          "n must be a whole number from 0");
    }
    return text.length() > 6 ? MAX_PAGE : (int) Math.min(Long.parseLong(text), MAX_PAGE);
  }

  private void send(ServerRequest req, ServerResponse res, String type, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    res.header(HeaderNames.CONTENT_TYPE, type);
    res.contentLength(bytes.length);
    if (req.prologue().method().equals(Method.HEAD)) {
      res.send();
    } else {
      res.send(bytes);
    }
  }
}
