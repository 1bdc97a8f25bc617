package dev.cairn.common.multipart;

/** A {@code multipart/form-data} body that breaks the format; servers answer 400. */
public final class MalformedMultipartException extends IllegalArgumentException {

  public MalformedMultipartException(String message) {
    super(message);
  }
}
