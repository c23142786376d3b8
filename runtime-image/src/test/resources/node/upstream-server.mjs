// An existing MCP server for the runtime to front, built on the official TypeScript SDK v1
// (@modelcontextprotocol/sdk 1.32.2), with a tool for each thing the runtime must relay.
//   node upstream-server.mjs stdio                       newline-delimited JSON-RPC on stdin/stdout
//   node upstream-server.mjs http <port> [<revision>]    Streamable HTTP at /mcp, stateful sessions;
//                                                        <revision> pins what initialize answers
//                                                        (e.g. 2025-03-26, a legacy-only server)
// Over HTTP it prints "listening <port>" on stdout once it accepts connections.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CreateMessageResultSchema, ElicitResultSchema, InitializeRequestSchema, ListRootsResultSchema,
} from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';

const [mode, port, revision] = process.argv.slice(2);
let cancellations = 0;
const text = (t) => ({ content: [{ type: 'text', text: t }] });
const sleep = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); });
});

function build() {
  const server = new McpServer(
    { name: 'fixture-upstream', version: '3.1.4', title: 'Fixture upstream' },
    { capabilities: { logging: {} }, instructions: 'Fixture instructions.' },
  );
  server.registerTool('echo', {
    description: 'Echoes the message.',
    inputSchema: { message: z.string() },
    annotations: { readOnlyHint: true },
  }, async ({ message }) => text(`echo: ${message}`));
  server.registerTool('add', {
    description: 'Adds two numbers.',
    inputSchema: { a: z.number(), b: z.number() },
    outputSchema: { sum: z.number() },
  }, async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b } }));
  server.registerTool('fail', { description: 'Always fails.' },
    async () => ({ content: [{ type: 'text', text: 'it broke' }], isError: true }));
  server.registerTool('progress', { description: 'Reports progress 3 times.' }, async (extra) => {
    const token = extra._meta?.progressToken;
    for (const step of [1, 2, 3]) {
      if (token !== undefined) {
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: step, total: 3, message: `step ${step}` } });
      }
      await sleep(20);
    }
    return text('done');
  });
  server.registerTool('log', { description: 'Logs 3 messages.' }, async (extra) => {
    for (const level of ['info', 'warning', 'error']) {
      await extra.sendNotification({ method: 'notifications/message', params: { level, logger: 'fixture', data: `${level} from the upstream` } });
    }
    return text('logged');
  });
  server.registerTool('ask_name', { description: 'Asks the user for a name.' }, async (extra) => {
    const answer = await extra.sendRequest({ method: 'elicitation/create', params: {
      message: 'What is your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    } }, ElicitResultSchema);
    return text(answer.action === 'accept' ? `Hello, ${answer.content.name}!` : `no name (${answer.action})`);
  });
  server.registerTool('sample', { description: 'Asks the model.' }, async (extra) => {
    const answer = await extra.sendRequest({ method: 'sampling/createMessage', params: {
      messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }], maxTokens: 20,
    } }, CreateMessageResultSchema);
    return text(`model says: ${answer.content.text}`);
  });
  server.registerTool('roots', { description: 'Lists the client roots.' }, async (extra) => {
    const answer = await extra.sendRequest({ method: 'roots/list' }, ListRootsResultSchema);
    return text(answer.roots.map((r) => r.uri).join(','));
  });
  server.registerTool('slow', { description: 'Takes 20 s unless cancelled.' }, async (extra) => {
    await sleep(20000, extra.signal);
    if (extra.signal.aborted) {
      cancellations++;
    }
    return text('slept');
  });
  server.registerTool('cancellations', { description: 'Counts cancelled calls.' },
    async () => text(String(cancellations)));
  server.registerTool('pid', { description: 'The process id.' }, async () => text(String(process.pid)));
  server.registerTool('headers', { description: 'The HTTP headers of this call.' },
    async (extra) => text(JSON.stringify(extra.requestInfo?.headers ?? {})));
  server.registerTool('env', { description: 'An environment variable.', inputSchema: { name: z.string() } },
    async ({ name }) => text(process.env[name] ?? '(unset)'));
  server.registerTool('crash', { description: 'Exits the process.' }, async () => {
    setTimeout(() => process.exit(3), 10);
    return new Promise(() => {});
  });
  server.registerTool('add_tool', { description: 'Adds the tool extra.' }, async () => {
    server.registerTool('extra', { description: 'Added later.' }, async () => text('extra!'));
    return text('added');
  });
  server.registerResource('readme', 'fixture://readme', { mimeType: 'text/plain', description: 'The readme.' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'Read me first.' }] }));
  server.registerResource('item', new ResourceTemplate('fixture://items/{id}', {
    list: undefined,
    complete: { id: (value) => ['1', '2', '42'].filter((v) => v.startsWith(value)) },
  }), { mimeType: 'application/json' }, async (uri, { id }) => ({
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ id }) }],
  }));
  server.registerPrompt('greeting', {
    description: 'A greeting.',
    argsSchema: { name: completable(z.string(), (value) => ['Ada', 'Alan'].filter((v) => v.startsWith(value))) },
  }, ({ name }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Say hello to ${name}.` } }] }));
  if (revision) {
    // A server that speaks only this older revision answers every initialize with it.
    const original = server.server._oninitialize.bind(server.server);
    server.server.setRequestHandler(InitializeRequestSchema, async (request) =>
      ({ ...(await original(request)), protocolVersion: revision }));
  }
  return server;
}

if (mode === 'stdio') {
  await build().connect(new StdioServerTransport());
} else {
  const sessions = new Map();
  const httpServer = http.createServer(async (req, res) => {
    if (!req.url.startsWith('/mcp')) {
      res.writeHead(404).end();
      return;
    }
    const id = req.headers['mcp-session-id'];
    let transport = id ? sessions.get(id) : undefined;
    if (!transport) {
      if (id) {
        res.writeHead(404).end();
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => sessions.set(sid, transport),
      });
      await build().connect(transport);
    }
    await transport.handleRequest(req, res);
  });
  httpServer.listen(Number(port), '127.0.0.1', () => console.log(`listening ${httpServer.address().port}`));
}
