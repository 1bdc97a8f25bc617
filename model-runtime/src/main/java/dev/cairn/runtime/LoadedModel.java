package dev.cairn.runtime;

/** A model in memory, ready to answer; closing it frees what its runtime holds (native memory). */
public interface LoadedModel extends AutoCloseable {

  String format();

  String variant();

  @Override
  void close();
}
