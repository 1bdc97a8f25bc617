package dev.cairn.registry.oci;

import dev.cairn.registry.signature.StoredSignature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version's OMS signature as an OCI referrer: an image manifest of artifactType {@value
 * #SIGSTORE_BUNDLE} whose config is the OCI empty descriptor, whose one layer is the stored bundle
 * verbatim, and whose {@code subject} is the version's ModelPack manifest. Everything in it is
 * immutable (the bundle and its verification time are inserted once, the subject never moves), so
 * the same signature renders the same bytes and digest in every replica and after a restart.
 */
public record SignatureReferrer(
    byte[] manifest,
    String digest,
    byte[] bundle,
    String bundleDigest,
    Map<String, String> annotations) {

  public static final String SIGSTORE_BUNDLE = "application/vnd.dev.sigstore.bundle.v0.3+json";
  public static final String EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";

  /** The OCI empty JSON object {@code {}} the image spec names as config of an artifact. */
  public static final String EMPTY_DIGEST =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  static final String BUNDLE_FILE = "model.sig";
  static final String CREATED = "org.opencontainers.image.created";
  static final String METHOD = "dev.cairn.signature.method";

  public static byte[] emptyConfig() {
    return new byte[] {'{', '}'};
  }

  public String mediaType() {
    return ModelPack.MANIFEST_MEDIA_TYPE;
  }

  public String artifactType() {
    return SIGSTORE_BUNDLE;
  }

  public long size() {
    return manifest.length;
  }

  /** The referrer of {@code signature}, whose subject is the version's {@code image}. */
  public static SignatureReferrer render(StoredSignature signature, ModelPack.Image image) {
    byte[] bundle = signature.bundle();
    String bundleDigest = ModelPack.sha256(bundle);
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(CREATED, signature.verifiedAt().toString());
    annotations.put(METHOD, signature.method());
    Map<String, Object> manifest = new TreeMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", ModelPack.MANIFEST_MEDIA_TYPE);
    manifest.put("artifactType", SIGSTORE_BUNDLE);
    manifest.put("config", ModelPack.descriptor(EMPTY_MEDIA_TYPE, EMPTY_DIGEST, 2));
    Map<String, Object> layer = ModelPack.descriptor(SIGSTORE_BUNDLE, bundleDigest, bundle.length);
    // Named as the client tools name it, so `oras pull` writes the bundle to model.sig.
    layer.put("annotations", Map.of(ModelPack.TITLE, BUNDLE_FILE));
    manifest.put("layers", List.of(layer));
    manifest.put(
        "subject",
        ModelPack.descriptor(
            ModelPack.MANIFEST_MEDIA_TYPE, image.digest(), image.manifest().length));
    manifest.put("annotations", annotations);
    byte[] bytes = CanonicalJson.bytes(manifest);
    return new SignatureReferrer(
        bytes, ModelPack.sha256(bytes), bundle, bundleDigest, Map.copyOf(annotations));
  }
}
