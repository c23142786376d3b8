package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.protocol.inputs.RequestStateCodec;
import dev.mcpfleet.runtime.protocol.notify.ListenStreams;
import dev.mcpfleet.runtime.protocol.session.SessionRegistry;
import java.util.concurrent.ExecutorService;

/**
 * What every request handler shares: configuration, the served definition, the legacy sessions, the
 * executor of blocking work, the requestState codec and the open subscription streams.
 *
 * @param config the runtime's configuration
 * @param definitions the definition being served
 * @param sessions live legacy sessions
 * @param blocking runs blocking items, one virtual thread each
 * @param requestState signs and checks 2026-07-28 requestState
 * @param listeners open subscriptions/listen streams
 * @param toolChains tool layers composed per pipeline
 */
public record McpServices(
    RuntimeConfig config,
    Definitions definitions,
    SessionRegistry sessions,
    ExecutorService blocking,
    RequestStateCodec requestState,
    ListenStreams listeners,
    ToolChains toolChains) {}
