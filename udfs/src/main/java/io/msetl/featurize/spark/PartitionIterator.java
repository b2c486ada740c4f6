package io.msetl.featurize.spark;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.TaskContext;

/**
 * Maps a partition lazily (one row in, one row out, nothing buffered) and closes the per-partition
 * resource when the input is exhausted or, if the task ends early (limit, failure), when Spark
 * completes the task.
 */
final class PartitionIterator<I, O> implements Iterator<O> {
  private final Iterator<I> input;
  private final Function<I, O> mapper;
  private final AutoCloseable resource;
  private boolean closed;

  PartitionIterator(Iterator<I> input, Function<I, O> mapper, AutoCloseable resource) {
    this.input = input;
    this.mapper = mapper;
    this.resource = resource;
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> close());
    }
  }

  @Override
  public boolean hasNext() {
    boolean more = !closed && input.hasNext();
    if (!more) {
      close();
    }
    return more;
  }

  @Override
  public O next() {
    return mapper.apply(input.next());
  }

  private synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resource.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot release per-partition resources", e);
    }
  }
}
