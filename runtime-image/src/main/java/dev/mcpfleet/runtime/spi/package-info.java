/**
 * The runtime's extension point: tools, resources, resource templates and prompts written in Java.
 *
 * <p>A team adds a jar to the runtime's classpath (a derived image) holding an {@link McpProvider}
 * registered for {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.mcpfleet.runtime.spi.McpProvider}. Its items are served beside those of the
 * manifest, behind the same layers (authentication, authorization, validation, rate limits,
 * resilience, sanitization, audit). The manifest's declarative tools are built on this same SPI.
 *
 * <p>Code here is revision-independent: {@link CallContext} reports progress, logs, elicits and
 * samples whichever protocol revision the client speaks.
 */
package dev.mcpfleet.runtime.spi;
