// Uses samples/hello.yaml through an official TypeScript SDK client and prints what it saw as one
// JSON object on stdout (the Java test asserts on it).
//   node hello-client.mjs <url> v1   the v1 SDK (@modelcontextprotocol/sdk), initialize handshake
//   node hello-client.mjs <url> v2   the v2 SDK (@modelcontextprotocol/client), pinned to the
//                                    stateless 2026-07-28 revision
const [url, line] = process.argv.slice(2);

async function connect() {
  if (line === 'v1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const client = new Client({ name: 'hello-check-v1', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(url));
    await client.connect(transport);
    return { client, version: () => transport.protocolVersion };
  }
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const client = new Client(
    { name: 'hello-check-v2', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { client, version: () => client.getNegotiatedProtocolVersion() };
}

async function useHello(client) {
  const text = (result, i = 0) => result.content[i].text;
  const tools = await client.listTools();
  const greet = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
  const card = await client.callTool({ name: 'greeting_card', arguments: { name: 'Ada', language: 'fr' } });
  const wave = await client.callTool({ name: 'wave', arguments: { name: 'Ada' } });
  const chime = await client.callTool({ name: 'chime', arguments: {} });
  const about = await client.callTool({ name: 'about', arguments: {} });
  const leave = await client.callTool({ name: 'leave', arguments: {} });
  const resources = await client.listResources();
  const readme = await client.readResource({ uri: 'hello://readme' });
  const logo = await client.readResource({ uri: 'hello://logo.png' });
  const templates = await client.listResourceTemplates();
  const french = await client.readResource({ uri: 'hello://greetings/fr' });
  const prompts = await client.listPrompts();
  const prompt = await client.getPrompt({ name: 'greeting_email', arguments: { recipient: 'Ada', tone: 'warm' } });
  const tones = await client.complete({
    ref: { type: 'ref/prompt', name: 'greeting_email' },
    argument: { name: 'tone', value: 'f' },
  });
  return {
    tools: tools.tools.map((t) => t.name),
    greet: text(greet),
    card: card.structuredContent,
    wave: wave.content.map((c) => c.type),
    chime: chime.content.map((c) => c.mimeType),
    about: about.content.map((c) => c.type),
    leaveIsError: leave.isError === true,
    resources: resources.resources.map((r) => r.uri),
    readme: readme.contents[0].text.split('\n')[0],
    logoMimeType: logo.contents[0].mimeType,
    logoHasBlob: typeof logo.contents[0].blob === 'string',
    templates: templates.resourceTemplates.map((t) => t.uriTemplate),
    french: french.contents[0].text,
    prompts: prompts.prompts.map((p) => p.name),
    prompt: prompt.messages[0].content.text,
    tones: tones.completion.values,
  };
}

const { client, version } = await connect();
const seen = await useHello(client);
seen.protocolVersion = version() ?? null;
console.log(JSON.stringify(seen));
await client.close();
