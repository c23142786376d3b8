package dev.mcpfleet.bench.runtime.load;

/**
 * What one wrk run measured, as the benchmark's wrk script reports it. Latencies are in
 * microseconds, from the moment a request is written to the moment its answer is read.
 *
 * @param requests answers received
 * @param checked answers that passed every check
 * @param badStatus answers with a status other than 200
 * @param badId answers whose JSON-RPC id matched no request in flight
 * @param badResult answers without the expected result, or with an error
 * @param firstFailure the first wrong answer, abbreviated, or empty
 */
public record LoadFigures(
    long requests,
    long durationMicros,
    long checked,
    long badStatus,
    long badId,
    long badResult,
    long connectErrors,
    long readErrors,
    long writeErrors,
    long timeouts,
    long p50Micros,
    long p95Micros,
    long p99Micros,
    long maxMicros,
    double meanMicros,
    String firstFailure) {

  /** Wrong answers plus socket errors and timeouts. */
  public long errors() {
    return badStatus + badId + badResult + connectErrors + readErrors + writeErrors + timeouts;
  }

  /** Right answers per second. */
  public double checkedPerSecond() {
    return durationMicros == 0 ? 0 : checked * 1_000_000.0 / durationMicros;
  }

  /** Whether every answer received went through the checks (none slipped past the script). */
  public boolean everyAnswerChecked() {
    return checked + badStatus + badId + badResult == requests;
  }
}
