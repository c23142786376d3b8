// Drives a runtime that fronts node/upstream-server.mjs through an official TypeScript SDK client,
// and prints what it saw as one JSON object on stdout (the Java test asserts on it).
//   node upstream-clients.mjs <url> v1   @modelcontextprotocol/sdk: initialize handshake (2025-11-25)
//   node upstream-clients.mjs <url> v2   @modelcontextprotocol/client pinned to 2026-07-28 (stateless,
//                                        questions answered as input_required rounds)
const [url, line] = process.argv.slice(2);
const capabilities = { elicitation: {}, sampling: {}, roots: {} };
const text = (result) => result.content.map((c) => c.text).join(' ');

function answer(client, schemas) {
  const on = (schema, method, handler) =>
    line === 'v1' ? client.setRequestHandler(schema, handler) : client.setRequestHandler(method, handler);
  on(schemas?.elicit, 'elicitation/create', async () => ({ action: 'accept', content: { name: `${line}-user` } }));
  on(schemas?.sample, 'sampling/createMessage', async () => ({
    role: 'assistant', model: 'test-model', content: { type: 'text', text: 'Paris' },
  }));
  on(schemas?.roots, 'roots/list', async () => ({ roots: [{ uri: 'file:///projects', name: 'projects' }] }));
}

async function connect() {
  if (line === 'v1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const types = await import('@modelcontextprotocol/sdk/types.js');
    const client = new Client({ name: 'upstream-v1', version: '1.0.0' }, { capabilities });
    answer(client, { elicit: types.ElicitRequestSchema, sample: types.CreateMessageRequestSchema, roots: types.ListRootsRequestSchema });
    const transport = new StreamableHTTPClientTransport(new URL(url));
    await client.connect(transport);
    return { client, version: () => transport.protocolVersion };
  }
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client(
    { name: 'upstream-v2', version: '1.0.0' },
    { capabilities, versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  answer(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { client, version: () => client.getNegotiatedProtocolVersion() };
}

const { client, version } = await connect();
const call = (name, args, options) => (line === 'v1'
  ? client.callTool({ name, arguments: args }, undefined, options)
  : client.callTool({ name, arguments: args }, options));
const seen = { protocolVersion: version() ?? null };
seen.tools = (await client.listTools()).tools.map((t) => t.name).sort();
seen.echo = text(await call('echo', { message: line }));
seen.sum = (await call('add', { a: 20, b: 22 })).structuredContent?.sum ?? null;
const progress = [];
seen.progressResult = text(await call('progress', {}, { onprogress: (p) => progress.push(p.progress) }));
seen.progress = progress;
seen.elicitation = text(await call('ask_name', {}));
seen.sampling = text(await call('sample', {}));
seen.roots = text(await call('roots', {}));
seen.resource = (await client.readResource({ uri: 'fixture://items/9' })).contents[0].text;
seen.prompt = (await client.getPrompt({ name: 'greeting', arguments: { name: line } })).messages[0].content.text;
console.log(JSON.stringify(seen));
await client.close();
