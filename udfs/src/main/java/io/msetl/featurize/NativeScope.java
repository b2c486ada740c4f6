package io.msetl.featurize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Owns the SWIG wrappers created while handling one molecule and deletes them, newest first, when
 * closed. SWIG finalizers would free native memory only when the GC gets round to it (measured:
 * 2-5x the RSS growth), so every wrapper is released deterministically here.
 */
final class NativeScope implements AutoCloseable {
  private final Deque<Runnable> deleters = new ArrayDeque<>();

  /** Registers {@code obj} for deletion and returns it; null is passed through untouched. */
  <T> T own(T obj, Consumer<T> deleter) {
    if (obj != null) {
      deleters.push(() -> deleter.accept(obj));
    }
    return obj;
  }

  @Override
  public void close() {
    RuntimeException first = null;
    while (!deleters.isEmpty()) {
      try {
        deleters.pop().run();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
