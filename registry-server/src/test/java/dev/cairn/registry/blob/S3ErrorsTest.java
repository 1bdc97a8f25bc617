package dev.cairn.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 13, finding 11: an S3 failure reached the client as the SDK's 1,563-character
 * credential-provider-chain dump. What callers see now names the operation and the S3 status only.
 */
class S3ErrorsTest {

  @Test
  void theSdksMessageNeverReachesTheCaller() {
    String dump =
        "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain"
            + "(credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariable"
            + "CredentialsProvider(), WebIdentityTokenCredentialsProvider()…]) : "
            + "x".repeat(1_400);
    var failure = S3Errors.of("S3 upload of sha256/ab/abc", SdkClientException.create(dump));

    assertThat(failure.getMessage())
        .isEqualTo(
            "S3 upload of sha256/ab/abc failed (SdkClientException; details in the server log)")
        .doesNotContain("credentials");
  }

  @Test
  void anS3ErrorKeepsItsStatusAndCode() {
    var denied =
        S3Exception.builder()
            .statusCode(403)
            .message("Access Denied for arn:aws:iam::123456789012:user/secret-name")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build())
            .build();

    assertThat(S3Errors.of("S3 GET", (S3Exception) denied).getMessage())
        .isEqualTo("S3 GET failed (403 AccessDenied; details in the server log)");
  }
}
