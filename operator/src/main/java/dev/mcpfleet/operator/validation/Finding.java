package dev.mcpfleet.operator.validation;

/**
 * One reason why an McpServer cannot be accepted.
 *
 * @param reason a CamelCase condition reason such as {@code SecretNotFound}
 * @param message what is wrong and what to do about it
 */
public record Finding(String reason, String message) {}
