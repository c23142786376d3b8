package dev.mcpfleet.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a figure was measured on, and how busy the machine was: published beside every figure, since
 * this machine is shared and figures are only comparable within one run.
 */
public final class Machine {

  private Machine() {}

  /**
   * The machine's CPUs, whatever this process is pinned to (availableProcessors counts only the
   * CPUs a {@code taskset} left it).
   */
  public static int cpus() {
    long count = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("processor")).count();
    return count > 0 ? (int) count : Runtime.getRuntime().availableProcessors();
  }

  /** E.g. "2 × AMD EPYC 7B13, 23.5 GiB, Linux 6.1.0, JDK 25.0.1". */
  public static String describe() {
    return cpus()
        + " × "
        + cpuModel()
        + ", "
        + String.format("%.1f GiB", memTotalKib() / 1024.0 / 1024.0)
        + ", Linux "
        + read("/proc/sys/kernel/osrelease").trim()
        + ", JDK "
        + Runtime.version();
  }

  /** The 1, 5 and 15 minute load averages, as in uptime. */
  public static String loadAverage() {
    String[] fields = read("/proc/loadavg").trim().split("\\s+");
    return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
  }

  /** Now, in UTC, to the minute. */
  public static String now() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
        + " UTC";
  }

  private static String cpuModel() {
    return read("/proc/cpuinfo")
        .lines()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse(System.getProperty("os.arch"));
  }

  private static long memTotalKib() {
    return read("/proc/meminfo")
        .lines()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(0L);
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      return "";
    }
  }
}
