package dev.cairn.bench;

/** One benchmark: measures its figures and their references in one run. */
interface Benchmark {

  Results run() throws Exception;
}
