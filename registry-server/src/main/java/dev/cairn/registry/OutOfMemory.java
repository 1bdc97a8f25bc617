package dev.cairn.registry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * An OutOfMemoryError ends the process (spec 40-security, Hardening): a registry that has lost a
 * thread to one is a zombie. {@code -XX:+ExitOnOutOfMemoryError} does it everywhere (the image,
 * {@code run-registry}); for a {@code java -jar} started without it, a thread that dies of one
 * halts the JVM, and the start log says the flag is missing.
 */
final class OutOfMemory {

  private static final Logger LOG = Logger.getLogger(OutOfMemory.class.getName());

  private OutOfMemory() {}

  static void endTheProcess() {
    if (!flagSet()) {
      LOG.warning(
          "started without -XX:+ExitOnOutOfMemoryError: add it to the java command"
              + " (the image and run-registry do)");
    }
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          if (error instanceof OutOfMemoryError) {
            System.err.println(
                "cairn-registry: out of memory in thread " + thread.getName() + "; exiting");
            Runtime.getRuntime().halt(3);
          }
          if (previous != null) {
            previous.uncaughtException(thread, error);
          } else {
            error.printStackTrace();
          }
        });
  }

  private static boolean flagSet() {
    try {
      return Boolean.parseBoolean(
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("ExitOnOutOfMemoryError")
              .getValue());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
