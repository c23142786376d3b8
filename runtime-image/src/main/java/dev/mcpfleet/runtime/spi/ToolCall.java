package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of a tool.
 *
 * @param name the tool's name
 * @param arguments the validated arguments (an empty object when none were given)
 */
public record ToolCall(String name, ObjectNode arguments) {}
