/**
 * The runtime's outbound HTTP/1.1 client, on Netty and the runtime's own event loops: a bounded
 * keep-alive pool per origin (Netty's {@code FixedChannelPool}, see {@link HostPools}), Netty's
 * HTTP codec and aggregator, TLS on the JDK's engine with hostname verification, deadlines that
 * cover waiting for a connection, connecting and the whole answer, and answers read up to a size
 * cap. Callers block on a virtual thread ({@link UpstreamHttpClient#send}); the event loops never
 * do.
 */
package dev.mcpfleet.runtime.http.client;
