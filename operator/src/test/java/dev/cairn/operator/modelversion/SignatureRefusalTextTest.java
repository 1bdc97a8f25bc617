package dev.cairn.operator.modelversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 5 and 6: what the parser says about bytes the operator read with its own rights
 * never reaches the {@code Signed} condition; the author's own inline text still gets the detail.
 */
class SignatureRefusalTextTest {

  /** A Secret value as an attacker would aim at: a token that Jackson quotes whole. */
  private static final String SECRET = "hunter2_DB_PASSWORD_7f3a9c";

  @Test
  void aBundleFromASecretOrAUriShowsTheCodeAndNoByteOfTheText() {
    SignatureRefusal refusal = parse(SECRET);
    assertThat(refusal.detail()).as("the parser quotes the text").contains(SECRET);

    for (SignatureSource source :
        List.of(
            new SignatureSource(null, null, new ResourceKeyRef("db-credentials", "password"), null),
            new SignatureSource(null, new ResourceKeyRef("settings", "app.conf"), null, null),
            new SignatureSource(null, null, null, "http://internal.svc/admin"))) {
      String message = SignatureRefusalText.of(source, refusal, Set.of("model.json"));

      assertThat(message)
          .as(source.given().toString())
          .startsWith("SIGNATURE_INVALID: the signature bundle from ")
          .contains("nothing registered")
          .doesNotContain(SECRET)
          .doesNotContain("hunter")
          .doesNotContain("Unrecognized token");
    }
    assertThat(
            SignatureRefusalText.of(
                new SignatureSource(null, null, new ResourceKeyRef("db-credentials", "pw"), null),
                refusal,
                Set.of()))
        .contains("Secret 'db-credentials' key 'pw'");
  }

  @Test
  void anInlineBundleKeepsTheParsersDetail() {
    SignatureRefusal refusal = parse("not-json-at-all");

    String message =
        SignatureRefusalText.of(
            new SignatureSource("not-json-at-all", null, null, null), refusal, Set.of());

    assertThat(message)
        .startsWith("SIGNATURE_INVALID: ")
        .contains("not valid JSON")
        .endsWith("; nothing registered");
  }

  /** A mismatch names its path only when the path is one of the resource's own files. */
  @Test
  void aMismatchNamesOnlyAPathTheResourceListsItself() {
    SignatureSource secret =
        new SignatureSource(null, null, new ResourceKeyRef("sig", "model.sig"), null);
    SignatureRefusal own = SignatureRefusal.mismatch("model.json", "file 'model.json' differs");
    SignatureRefusal foreign =
        SignatureRefusal.mismatch(SECRET, "signed file '" + SECRET + "' is missing");

    assertThat(SignatureRefusalText.of(secret, own, Set.of("model.json")))
        .startsWith("SIGNATURE_MISMATCH:model.json: ");
    assertThat(SignatureRefusalText.of(secret, foreign, Set.of("model.json")))
        .startsWith("SIGNATURE_MISMATCH: ")
        .doesNotContain(SECRET);
  }

  @Test
  void anS3SignatureNeedsTheResourcesCredentialsSecret() {
    SignatureSource s3 = new SignatureSource(null, null, null, "S3://bucket/churn/model.sig");

    assertThat(SignatureGate.specProblem(spec(s3, null))).contains("needs spec.credentialsSecret");
    assertThat(SignatureGate.specProblem(spec(s3, " "))).contains("needs spec.credentialsSecret");
    assertThat(SignatureGate.specProblem(spec(s3, "churn-s3"))).isNull();
    assertThat(
            SignatureGate.specProblem(
                spec(new SignatureSource(null, null, null, "https://a/model.sig"), null)))
        .isNull();
    assertThat(SignatureGate.specProblem(spec(new SignatureSource("{}", null, null, "x"), null)))
        .contains("[inline, uri]");
    assertThat(SignatureGate.specProblem(spec(null, null))).isNull();
  }

  private static ModelVersionSpec spec(SignatureSource signature, String credentialsSecret) {
    return new ModelVersionSpec(
        null,
        "churn",
        "v1",
        null,
        null,
        null,
        List.of(new FileSource("model.json", "https://a/model.json", "0".repeat(64))),
        credentialsSecret,
        null,
        null,
        signature);
  }

  private static SignatureRefusal parse(String text) {
    return catchThrowableOfType(
        SignatureRefusal.class,
        () ->
            SignatureBundle.parse(
                text.getBytes(StandardCharsets.UTF_8), SignatureBundle.DEFAULT_LIMIT));
  }
}
