package dev.mcpfleet.operator.status;

/**
 * The status, reason and message that one condition should have now; {@link ConditionSet} adds the
 * type, generation and transition time.
 */
public record ConditionState(boolean status, String reason, String message) {

  public static ConditionState isTrue(String reason, String message) {
    return new ConditionState(true, reason, message);
  }

  public static ConditionState isFalse(String reason, String message) {
    return new ConditionState(false, reason, message);
  }
}
