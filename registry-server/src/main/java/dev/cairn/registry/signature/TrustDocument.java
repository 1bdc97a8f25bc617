package dev.cairn.registry.signature;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.TrustPolicy;
import dev.cairn.client.model.TrustPolicy.TrustedIdentity;
import dev.cairn.client.model.TrustPolicy.TrustedKey;
import dev.cairn.client.model.TrustPolicy.TrustedRoot;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.domain.Text;
import dev.cairn.signing.Pem;
import dev.cairn.signing.TrustMaterial;
import java.io.IOException;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A trust policy as a PUT sends it, read strictly (duplicate keys, unknown members, wrong types and
 * unparseable PEM are 400 with where), and the {@link TrustMaterial} the verifier builds from it.
 * Pure: no database.
 */
public final class TrustDocument {

  /** The most bytes a trust policy body may have. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** The most entries of each kind: a policy names signers, it is not a certificate store. */
  public static final int MAX_ENTRIES = 100;

  private static final int MAX_NAME = 128;

  private static final ObjectMapper STRICT = strict();

  /**
   * What a PUT may carry: the three lists; the members a GET answers with ({@code version}, the
   * stamps, each key's {@code hint}) are accepted and ignored, so an answer can be edited and sent
   * back (the version an edit was made from is stated with {@code If-Match}, see {@link
   * TrustRules}).
   */
  record Body(
      List<TrustedKey> keys,
      List<TrustedRoot> roots,
      List<TrustedIdentity> identities,
      Long version,
      String updatedAt,
      String updatedBy) {}

  private TrustDocument() {}

  /** The request mapper, refusing a member named twice (the policy must mean one thing). */
  private static ObjectMapper strict() {
    ObjectMapper mapper = JsonLimits.forRequests(CairnJson.strictMapper());
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /**
   * The policy {@code bytes} ask for, with each key's hint filled in ({@code version} and the
   * stamps are left for the write to set).
   */
  public static TrustPolicy parse(byte[] bytes) {
    Body body;
    try {
      body = STRICT.readValue(bytes, Body.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the trust policy is not valid: " + firstLine(e));
    } catch (IOException e) {
      throw ApiException.badRequest("the trust policy could not be read");
    }
    if (body == null) {
      throw ApiException.badRequest("the trust policy must be a JSON object");
    }
    List<TrustedKey> keys = orEmpty(body.keys(), "keys");
    List<TrustedRoot> roots = orEmpty(body.roots(), "roots");
    List<TrustedIdentity> identities = orEmpty(body.identities(), "identities");
    Set<String> names = new HashSet<>();
    List<TrustedKey> hinted =
        keys.stream()
            .map(
                k -> {
                  String name = name("keys", k == null ? null : k.name(), names);
                  return new TrustedKey(name, k.pem(), Pem.hint(key(name, k.pem())));
                })
            .toList();
    for (TrustedRoot root : roots) {
      String name = name("roots", root == null ? null : root.name(), names);
      certificates(name, root.pem());
    }
    Set<TrustedIdentity> seen = new HashSet<>();
    for (TrustedIdentity identity : identities) {
      if (identity == null || blank(identity.san()) || blank(identity.issuer())) {
        throw ApiException.badRequest("each of identities needs a san and an issuer");
      }
      Text.line("identities.san", identity.san());
      Text.line("identities.issuer", identity.issuer());
      if (!seen.add(identity)) {
        throw ApiException.badRequest("identities lists " + identity.san() + " twice");
      }
    }
    return new TrustPolicy(0, hinted, List.copyOf(roots), List.copyOf(identities), null, null);
  }

  /** The verifier's view of {@code policy} (already validated when it was stored). */
  public static TrustMaterial material(TrustPolicy policy) {
    TrustMaterial.Builder builder = TrustMaterial.builder();
    policy.keys().forEach(k -> builder.keyPem(k.name(), k.pem()));
    policy.roots().forEach(r -> builder.rootPem(r.name(), r.pem()));
    policy.identities().forEach(i -> builder.identity(i.san(), i.issuer()));
    return builder.build();
  }

  private static PublicKey key(String name, String pem) {
    if (blank(pem)) {
      throw ApiException.badRequest("key '" + name + "' has no pem");
    }
    try {
      return Pem.publicKey(pem);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "key '" + name + "' is not one PEM public key (SubjectPublicKeyInfo)");
    }
  }

  private static void certificates(String name, String pem) {
    if (blank(pem)) {
      throw ApiException.badRequest("root '" + name + "' has no pem");
    }
    try {
      if (Pem.certificates(pem).size() != 1) {
        throw new IllegalArgumentException("not one certificate");
      }
    } catch (RuntimeException e) {
      throw ApiException.badRequest("root '" + name + "' is not one PEM certificate");
    }
  }

  private static String name(String list, String name, Set<String> names) {
    if (blank(name)) {
      throw ApiException.badRequest("each of " + list + " needs a name");
    }
    Text.line(list + ".name", name);
    if (name.length() > MAX_NAME) {
      throw ApiException.badRequest(list + ".name is at most " + MAX_NAME + " characters");
    }
    if (!names.add(name)) {
      throw ApiException.badRequest("the name '" + name + "' is used twice in the trust policy");
    }
    return name;
  }

  private static <T> List<T> orEmpty(List<T> list, String member) {
    if (list == null) {
      return List.of();
    }
    if (list.size() > MAX_ENTRIES) {
      throw ApiException.badRequest(member + " holds at most " + MAX_ENTRIES + " entries");
    }
    return list;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The parser's message without the quoted input it may carry. */
  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    String line = cut < 0 ? message : message.substring(0, cut);
    return Text.printable(line.length() > 160 ? line.substring(0, 160) : line);
  }
}
