package dev.cairn.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * The SHA-256 of a request body, read through its publisher once before it is sent (publishers of
 * files, byte arrays and their concatenations can be read again), so nothing is held whole.
 */
final class BodyDigest {

  private BodyDigest() {}

  static String sha256(HttpRequest.BodyPublisher body) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    body.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            digest.update(item);
          }

          @Override
          public void onError(Throwable failure) {
            done.completeExceptionally(failure);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing a request body", e);
    } catch (ExecutionException e) {
      throw new UncheckedIOException(
          new IOException("cannot read the request body: " + e.getCause(), e.getCause()));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
