package dev.loadtest.report;

/**
 * Results folders that cannot be merged: different specs, different numbers of workers, the
 * same worker twice. The message names the folders and what differs.
 */
public final class MergeMismatchException extends Exception {

  public MergeMismatchException(String message) {
    super(message);
  }
}
