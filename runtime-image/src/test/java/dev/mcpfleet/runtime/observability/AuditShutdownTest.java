package dev.mcpfleet.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.runtime.security.AuditLog;
import dev.mcpfleet.runtime.security.Redactor;
import dev.mcpfleet.runtime.spi.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Audit lines survive the process stopping: the JVM's shutdown writes out the log queue. */
class AuditShutdownTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CALLS = 20_000;

  /** A process that audits {@code args[0]} calls as fast as it can, then exits at once. */
  public static final class AuditThenExit {
    public static void main(String[] args) {
      AuditLog audit = new AuditLog(true, false, Redactor.none());
      for (int i = 0; i < Integer.parseInt(args[0]); i++) {
        audit.call(Caller.ANONYMOUS, "r-" + i, "echo", "success", null, 1_000, null);
      }
      System.exit(0);
    }
  }

  @Test
  void everyAuditLineIsWrittenWholeAndInOrderWhenTheProcessExitsRightAfter() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AuditThenExit.class.getName(),
                Integer.toString(CALLS))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<JsonNode> lines =
        output.lines().filter(l -> l.startsWith("{\"@timestamp\"")).map(this::parse).toList();
    assertThat(lines).hasSize(CALLS);
    for (int i = 0; i < CALLS; i++) {
      JsonNode line = lines.get(i);
      assertThat(line.path("requestId").asText()).isEqualTo("r-" + i);
      assertThat(line.path("audit").asText()).isEqualTo("tools/call");
      assertThat(line.path("logger_name").asText()).isEqualTo(AuditLog.LOGGER);
      assertThat(line.path("outcome").asText()).isEqualTo("success");
    }
  }

  private JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a whole JSON line: " + line, e);
    }
  }
}
