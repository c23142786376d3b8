/**
 * The request layers of DESIGN.md §4 as small interfaces, so that each layer is one class and the
 * order lives in one place ({@link Pipeline}).
 *
 * <ol>
 *   <li>transport (the protocol layer itself)
 *   <li>{@link HttpGuard}s: authentication, then rate limit, before any JSON-RPC is parsed
 *   <li>JSON-RPC dispatch (the protocol layer)
 *   <li>{@link AccessPolicy}: authorization of calls and filtering of lists
 *   <li>{@link ToolLayer}s around the tool: input validation, cache, circuit breaker, timeout,
 *       retry, then the tool; output sanitization and audit/metrics wrap them
 *   <li>{@link RequestObserver}s: metrics and logs of every request
 * </ol>
 */
package dev.mcpfleet.runtime.pipeline;
