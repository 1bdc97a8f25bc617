package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CairnUriTest {

  private static final String HEX = "a".repeat(64);

  @Test
  void parsesAnAliasWithoutHost() {
    CairnUri uri = CairnUri.parse("cairn://ink/sku001-ink-a@production");

    assertThat(uri.host()).isEmpty();
    assertThat(uri.project()).isEqualTo("ink");
    assertThat(uri.model()).isEqualTo("sku001-ink-a");
    assertThat(uri.selector()).isEqualTo(CairnUri.Selector.ALIAS);
    assertThat(uri.ref()).isEqualTo("sku001-ink-a@production");
    assertThat(uri.variant()).isEmpty();
  }

  @Test
  void parsesAVersionWithHostPortAndVariant() {
    CairnUri uri = CairnUri.parse("cairn://Registry.example.com:8443/ink/m:v1.2?variant=gpu");

    assertThat(uri.host()).contains("registry.example.com:8443");
    assertThat(uri.selector()).isEqualTo(CairnUri.Selector.VERSION);
    assertThat(uri.ref()).isEqualTo("m:v1.2");
    assertThat(uri.variant()).contains("gpu");
    assertThat(uri).hasToString("cairn://registry.example.com:8443/ink/m:v1.2?variant=gpu");
  }

  @Test
  void parsesADigest() {
    CairnUri uri = CairnUri.parse("cairn://ink/m@sha256:" + HEX);

    assertThat(uri.selector()).isEqualTo(CairnUri.Selector.DIGEST);
    assertThat(uri.value()).isEqualTo("sha256:" + HEX);
    assertThat(uri.host()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "s3://bucket/model",
        "CAIRN://ink/m@production",
        "cairn://",
        "cairn://ink",
        "cairn://ink/m",
        "cairn://ink/m@",
        "cairn://ink/:v1",
        "cairn://ink//m@production",
        "cairn:///ink/m@production",
        "cairn://ink/m@production/",
        "cairn://a/b/c/m@production",
        "cairn://ink/m@sha256:" + "A",
        "cairn://ink/m@sha256:" + "g",
        "cairn://ink/m@sha256:",
        "cairn://ink/m@sha256:abc",
        "cairn://ink/m@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "cairn://ink/m@prod:v1",
        "cairn://ink/m@a@b",
        "cairn://ink/..@production",
        "cairn://ink/m:..",
        "cairn://ink/m:a..b",
        "cairn://../m@production",
        "cairn://ink/m%40x@production",
        "cairn://ink/m@prod%2Fuction",
        "cairn://user@host/ink/m@production",
        "cairn://user:pw@host:80/ink/m@production",
        "cairn://host:0/ink/m@production",
        "cairn://host:99999/ink/m@production",
        "cairn://ho_st/ink/m@production",
        "cairn://Ink/m@production",
        "cairn://ink/m@production?variant=",
        "cairn://ink/m@production?variant=a&variant=b",
        "cairn://ink/m@production?other=x",
        "cairn://ink/m@production?variant=../x",
        "cairn://ink/m@production#frag",
        "cairn://ink/m@pro duction",
        "cairn://ink/m@prod\nuction",
        "cairn://ink/m@prod\\uction",
        "cairn://ink/m@pröduction"
      })
  void refusesWithTheUsageCode(String text) {
    assertThatThrownBy(() -> CairnUri.parse(text))
        .isInstanceOfSatisfying(
            InitFailure.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage()).contains("is not a cairn:// URI").doesNotContain("\n");
            });
  }

  @Test
  void saysWhyPercentEncodingAndUserInfoAreRefused() {
    assertThatThrownBy(() -> CairnUri.parse("cairn://ink/m%2e%2e@production"))
        .hasMessageContaining("percent-encoding");
    assertThatThrownBy(() -> CairnUri.parse("cairn://admin@reg/ink/m@production"))
        .hasMessageContaining("user information");
  }

  @Test
  void refusesANullUri() {
    assertThatThrownBy(() -> CairnUri.parse(null))
        .isInstanceOfSatisfying(
            InitFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
  }
}
