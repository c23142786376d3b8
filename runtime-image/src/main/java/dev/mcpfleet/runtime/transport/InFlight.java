package dev.mcpfleet.runtime.transport;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the exchanges whose answer is not yet on the wire, so a graceful stop can wait for them.
 * Netty's event loops close their connections before running the tasks still queued when they shut
 * down, so an answer handed to a loop just before the stop would be lost without this wait.
 */
final class InFlight {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int open;

  void begin() {
    lock.lock();
    try {
      open++;
    } finally {
      lock.unlock();
    }
  }

  void end() {
    lock.lock();
    try {
      if (--open == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no answer is pending, at most {@code timeout}; true when idle. */
  boolean awaitIdle(Duration timeout) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (open > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return open == 0;
    } finally {
      lock.unlock();
    }
  }
}
