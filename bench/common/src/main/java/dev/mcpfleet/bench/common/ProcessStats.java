package dev.mcpfleet.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process and all its descendants, read from {@code /proc}
 * (Linux): what a server under load really costs, whatever language it is written in and however
 * many processes it forks.
 *
 * @param cpuTicks user plus system time in clock ticks ({@link #TICKS_PER_SECOND} a second)
 * @param rssBytes resident set size
 */
public record ProcessStats(long cpuTicks, long rssBytes) {

  /** USER_HZ: 100 on every Linux architecture this runs on (see proc(5)). */
  public static final int TICKS_PER_SECOND = 100;

  /** The stats of {@code pid} and its descendants now; zeros for processes that are gone. */
  public static ProcessStats of(long pid) {
    long ticks = 0;
    long rss = 0;
    for (long member : tree(pid)) {
      ticks += cpuTicks(member);
      rss += rssBytes(member);
    }
    return new ProcessStats(ticks, rss);
  }

  /** CPU seconds between {@code earlier} and this sample. */
  public double cpuSecondsSince(ProcessStats earlier) {
    return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
  }

  /** The process and its descendants, found through the parent ids in {@code /proc/<pid>/stat}. */
  static List<Long> tree(long root) {
    List<long[]> parentOf = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .forEach(
              name -> {
                long pid = Long.parseLong(name);
                String[] stat = statFields(pid);
                if (stat != null) {
                  parentOf.add(new long[] {pid, Long.parseLong(stat[1])});
                }
              });
    } catch (IOException e) {
      return List.of(root);
    }
    List<Long> members = new ArrayList<>(List.of(root));
    for (int i = 0; i < members.size(); i++) {
      long parent = members.get(i);
      for (long[] pair : parentOf) {
        if (pair[1] == parent) {
          members.add(pair[0]);
        }
      }
    }
    return members;
  }

  private static long cpuTicks(long pid) {
    String[] stat = statFields(pid);
    // Fields after the command: state(0) ppid(1) ... utime(11) stime(12), see proc(5).
    return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
  }

  private static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading
    }
    return 0;
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name, or null when it is gone. */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
