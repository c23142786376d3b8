package dev.mcpfleet.bench.operator;

import java.time.Duration;

/**
 * What one fleet size measured.
 *
 * @param size McpServers
 * @param directSeconds the tuned client: first write to every object and status in place
 * @param directWrites the tuned client's writes
 * @param operatorSeconds the operator: first McpServer created to every object and Accepted=True
 * @param operatorWrites the operator's writes (the McpServers' creation is not counted)
 * @param operatorCpuSeconds the operator's CPU time while converging
 * @param peakHeapBytes the most heap in use while converging (sampled)
 * @param liveHeapBytes heap in use after a full collection at the end of the steady state
 * @param peakRssBytes the operator's resident memory at the end of convergence
 * @param steady the steady-state window
 * @param steadyWrites writes during the steady-state window
 * @param steadyCpuSeconds the operator's CPU time during the window
 */
record SizeFigures(
    int size,
    double directSeconds,
    long directWrites,
    double operatorSeconds,
    long operatorWrites,
    double operatorCpuSeconds,
    long peakHeapBytes,
    long liveHeapBytes,
    long peakRssBytes,
    Duration steady,
    long steadyWrites,
    double steadyCpuSeconds) {

  double ratio() {
    return directSeconds == 0 ? 0 : operatorSeconds / directSeconds;
  }

  double directWritesPerServer() {
    return directWrites / (double) size;
  }

  double operatorWritesPerServer() {
    return operatorWrites / (double) size;
  }
}
