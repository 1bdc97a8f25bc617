package dev.cairn.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every blob store promises, run against each implementation: content addresses, nothing
 * visible before commit, nothing left after a refused or abandoned upload, ranges, deletes.
 */
abstract class BlobStoreContract {

  /** The store under test, empty. */
  protected abstract BlobStore store();

  /** Files left in the store's local staging area (must be none once an upload is over). */
  protected abstract long stagingLeftovers() throws IOException;

  @Test
  void commitsUnderTheSha256OfTheBytes() throws Exception {
    byte[] bytes = "weights of model v1".getBytes(StandardCharsets.UTF_8);
    try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), 1024)) {
      assertThat(staged.sha256()).isEqualTo(sha256(bytes));
      assertThat(staged.size()).isEqualTo(bytes.length);
      assertThat(store().list()).as("invisible before commit").isEmpty();
      staged.commit();
    }
    assertThat(store().list()).containsExactly(sha256(bytes));
    assertThat(store().size(sha256(bytes))).contains((long) bytes.length);
    try (InputStream in = store().open(sha256(bytes), 0, bytes.length)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(stagingLeftovers()).isZero();
  }

  @Test
  void abandonedUploadLeavesNothing() throws Exception {
    try (StagedBlob staged = store().stage(new ByteArrayInputStream(new byte[100]), 1024)) {
      assertThat(staged.size()).isEqualTo(100);
    }
    assertThat(store().list()).isEmpty();
    assertThat(stagingLeftovers()).isZero();
  }

  @Test
  void oversizedUploadIsRefusedAndLeavesNothing() throws Exception {
    assertThatThrownBy(() -> store().stage(new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(BlobTooLargeException.class);
    assertThat(store().list()).isEmpty();
    assertThat(stagingLeftovers()).isZero();
  }

  @Test
  void identicalBytesShareOneBlob() throws Exception {
    byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), 1024)) {
        staged.commit();
      }
    }
    assertThat(store().list()).containsExactly(sha256(bytes));
  }

  @Test
  void readsByteRanges() throws Exception {
    byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    commit(bytes);
    try (InputStream in = store().open(sha256(bytes), 4, 6)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("456789");
    }
    try (InputStream in = store().open(sha256(bytes), 15, 1)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("f");
    }
  }

  @Test
  void deletesAndReportsMissingBlobs() throws Exception {
    byte[] bytes = "to be collected".getBytes(StandardCharsets.UTF_8);
    commit(bytes);
    store().delete(sha256(bytes));

    assertThat(store().list()).isEmpty();
    assertThat(store().size(sha256(bytes))).isEmpty();
    assertThatThrownBy(() -> store().open(sha256(bytes), 0, 1).read())
        .isInstanceOf(BlobMissingException.class);
  }

  @Test
  void storesLargeBlobsInBoundedChunks() throws Exception {
    byte[] bytes = new byte[12 * 1024 * 1024 + 17];
    new Random(7).nextBytes(bytes);
    commit(bytes);

    assertThat(store().size(sha256(bytes))).contains((long) bytes.length);
    try (InputStream in = store().open(sha256(bytes), 0, bytes.length)) {
      assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(bytes));
    }
  }

  @Test
  void isHealthy() {
    assertThat(store().healthy()).isTrue();
  }

  private void commit(byte[] bytes) throws IOException {
    try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), Long.MAX_VALUE)) {
      staged.commit();
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
