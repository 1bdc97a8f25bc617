package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.auth.TokenHashes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the audit log keeps of a webhook's target (review 12 item 8). Receivers such as Slack, Teams
 * or Zapier put their credential in the URL's path or query, and a project's audit page is open to
 * READERs, while only admins may see a target. So an audited endpoint carries the URL reduced to
 * {@code scheme://host[:port]} plus the SHA-256 of the whole URL ({@code url_sha256}), which tells
 * one target from another (an update that changed it) without revealing it.
 */
final class AuditedUrl {

  private AuditedUrl() {}

  /** {@code value} as JSON, its {@code url} (when it has one) reduced as above. */
  static JsonNode redact(ObjectMapper json, Object value) {
    JsonNode tree = json.valueToTree(value);
    if (tree instanceof ObjectNode node && node.hasNonNull("url")) {
      String url = node.get("url").asText();
      node.put("url", origin(url));
      node.put("url_sha256", TokenHashes.sha256Hex(url));
    }
    return tree;
  }

  static String origin(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      return uri.getScheme().toLowerCase(Locale.ROOT)
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (URISyntaxException e) {
      // Stored URLs were checked on the way in; an unparsable one is kept out rather than echoed.
      return "";
    }
  }
}
