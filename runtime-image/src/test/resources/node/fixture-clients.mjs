// Drives the conformance fixture server through an official TypeScript SDK client, exercising what
// goes from the server to the client: elicitation, sampling, roots, progress and log messages.
// Prints what it saw as one JSON object on stdout (the Java test asserts on it).
//   node fixture-clients.mjs <url> v1   @modelcontextprotocol/sdk: initialize handshake, requests
//                                       to the client on the call's stream
//   node fixture-clients.mjs <url> v2   @modelcontextprotocol/client pinned to 2026-07-28: the
//                                       same questions as input_required rounds (MRTR)
const [url, line] = process.argv.slice(2);
const capabilities = { elicitation: {}, sampling: {}, roots: {} };
const text = (result) => result.content.map((c) => c.text).join(' ');

function answer(client, ElicitSchema, SamplingSchema, RootsSchema) {
  const on = (schema, method, handler) =>
    line === 'v1' ? client.setRequestHandler(schema, handler) : client.setRequestHandler(method, handler);
  on(ElicitSchema, 'elicitation/create', async (request) => {
    const props = Object.keys(request.params.requestedSchema?.properties ?? {});
    const content = Object.fromEntries(props.map((p) => [p, p === 'ok' ? true : `${p}-from-client`]));
    return { action: 'accept', content };
  });
  on(SamplingSchema, 'sampling/createMessage', async () => ({
    role: 'assistant', model: 'fixture-model', content: { type: 'text', text: 'Paris' },
  }));
  on(RootsSchema, 'roots/list', async () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }));
}

async function connect() {
  if (line === 'v1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const types = await import('@modelcontextprotocol/sdk/types.js');
    const client = new Client({ name: 'fixture-v1', version: '1.0.0' }, { capabilities });
    answer(client, types.ElicitRequestSchema, types.CreateMessageRequestSchema, types.ListRootsRequestSchema);
    const logs = [];
    client.setNotificationHandler(types.LoggingMessageNotificationSchema, (n) => logs.push(n.params.data));
    const transport = new StreamableHTTPClientTransport(new URL(url));
    await client.connect(transport);
    return { client, logs, version: () => transport.protocolVersion };
  }
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client(
    { name: 'fixture-v2', version: '1.0.0' },
    { capabilities, versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  answer(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { client, logs: [], version: () => client.getNegotiatedProtocolVersion() };
}

const { client, logs, version } = await connect();
const seen = { protocolVersion: version() ?? null };
const progress = [];
const onprogress = (p) => progress.push(p.progress);
seen.tools = (await client.listTools()).tools.length;
// v1 takes (params, resultSchema, options); v2 takes (params, options).
const progressCall = { name: 'test_tool_with_progress', arguments: {} };
seen.progressResult = text(line === 'v1'
  ? await client.callTool(progressCall, undefined, { onprogress })
  : await client.callTool(progressCall, { onprogress }));
seen.progress = progress;
if (line === 'v1') {
  await client.setLoggingLevel('debug');
  seen.logging = text(await client.callTool({ name: 'test_tool_with_logging', arguments: {} }));
  seen.logs = logs;
  seen.elicitation = text(await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who?' } }));
  seen.sampling = text(await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Capital of France?' } }));
} else {
  seen.elicitation = text(await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} }));
  seen.sampling = text(await client.callTool({ name: 'test_input_required_result_sampling', arguments: {} }));
  seen.roots = text(await client.callTool({ name: 'test_input_required_result_list_roots', arguments: {} }));
  seen.multiRound = text(await client.callTool({ name: 'test_input_required_result_multi_round', arguments: {} }));
  seen.multipleInputs = text(await client.callTool({ name: 'test_input_required_result_multiple_inputs', arguments: {} }));
  const prompt = await client.getPrompt({ name: 'test_input_required_result_prompt', arguments: {} });
  seen.prompt = prompt.messages[0].content.text;
}
seen.resource = (await client.readResource({ uri: 'test://template/42/data' })).contents[0].text;
console.log(JSON.stringify(seen));
await client.close();
