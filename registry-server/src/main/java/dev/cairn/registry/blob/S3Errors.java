package dev.cairn.registry.blob;

import java.io.IOException;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 failures as callers may see them (issue 13, finding 11): the operation, the HTTP status and
 * the S3 error code, never the SDK's message, which can run to a credential-provider-chain dump of
 * 1,500 characters. The whole message goes to the server log.
 */
final class S3Errors {

  private static final Logger LOG = Logger.getLogger(S3Errors.class.getName());

  private S3Errors() {}

  static IOException of(String operation, SdkException e) {
    LOG.warning(operation + " failed: " + e.getMessage());
    String what =
        e instanceof S3Exception s3 && s3.awsErrorDetails() != null
            ? s3.statusCode() + " " + s3.awsErrorDetails().errorCode()
            : e.getClass().getSimpleName();
    return new IOException(operation + " failed (" + what + "; details in the server log)", e);
  }
}
