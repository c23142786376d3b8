package dev.mcpfleet.operator.status;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.stream.Collectors;

/**
 * A one-line account of why applying failed, for a condition message: the API server's own message
 * where there is one, never a stack trace.
 */
final class FailureMessage {

  static final int MAX_LENGTH = 1024;

  private FailureMessage() {}

  static String of(Throwable error) {
    String text;
    if (error instanceof AggregatedOperatorException aggregated
        && !aggregated.getAggregatedExceptions().isEmpty()) {
      text =
          aggregated.getAggregatedExceptions().entrySet().stream()
              .map(e -> e.getKey() + ": " + of(e.getValue()))
              .sorted()
              .collect(Collectors.joining("; "));
    } else {
      text = describe(error);
    }
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }

  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof KubernetesClientException k
          && k.getStatus() != null
          && k.getStatus().getMessage() != null) {
        return k.getStatus().getMessage();
      }
      cause = cause.getCause();
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }
}
