package dev.cairn.registry.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset page tokens: the position (sort values of the last item) and the listing it belongs
 * to, signed with a key every replica shares, so a token not issued by this registry, or for
 * another listing or order, is refused with {@code INVALID_PAGE_TOKEN}.
 */
public final class PageTokens {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;

  public PageTokens(byte[] key) {
    this.key = key.clone();
  }

  /** A token for {@code listing} positioned after the item with {@code position}. */
  public String issue(String listing, List<String> position) {
    ArrayNode payload = JSON.createArrayNode().add(listing);
    position.forEach(payload::add);
    byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
  }

  /** The position a token holds; refuses tokens that are forged or belong to another listing. */
  public List<String> read(String listing, String token) {
    try {
      String[] parts = token.split("\\.", -1);
      if (parts.length != 2) {
        throw invalid();
      }
      byte[] body = DECODER.decode(parts[0]);
      if (!MessageDigest.isEqual(sign(body), DECODER.decode(parts[1]))) {
        throw invalid();
      }
      JsonNode payload = JSON.readTree(body);
      if (!payload.isArray() || payload.size() < 2 || !listing.equals(payload.get(0).asText())) {
        throw invalid();
      }
      return IntStream.range(1, payload.size()).mapToObj(i -> payload.get(i).asText()).toList();
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException invalid() {
    return new ApiException(
        400, "INVALID_PAGE_TOKEN", "page_token was not issued by this registry for this listing");
  }
}
