package dev.cairn.registry.http;

import io.helidon.common.buffers.DataReader;

/**
 * Recognises failures of reading a request body that the client caused: the connection ended before
 * the declared length, or a chunk size line was not hexadecimal. Helidon raises them as plain
 * runtime exceptions from inside its HTTP/1 reader; they are the client's 400, not a 500.
 */
final class BrokenBody {

  private static final String HTTP1_READER = "io.helidon.webserver.http1.";

  private BrokenBody() {}

  static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataReader.InsufficientDataAvailableException) {
        return true;
      }
      if (t instanceof NumberFormatException && thrownInHttp1Reader(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean thrownInHttp1Reader(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith(HTTP1_READER)) {
        return true;
      }
    }
    return false;
  }
}
