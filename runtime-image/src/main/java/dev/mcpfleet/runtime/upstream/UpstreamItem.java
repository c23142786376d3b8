package dev.mcpfleet.runtime.upstream;

/**
 * Marks the tools, resources, templates and prompts that stand for a fronted server's: a new
 * catalog replaces exactly these in the served definition, and leaves the items of code alone.
 */
interface UpstreamItem {}
