// The official MCP TypeScript SDK (v1) serving the benchmark's echo tool over Streamable HTTP in
// its stateless mode, as the SDK's stateless example does it: a fresh McpServer and transport per
// request (the SDK refuses to reuse a stateless transport). JSON answers instead of SSE, and
// node:http instead of Express, to give the SDK its fastest path.
// Usage: node echo-server.mjs <port>; prints "listening on <port>".
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import * as z from 'zod/v4';

function echoServer() {
  const server = new McpServer({ name: 'mcp-fleet-bench-typescript-sdk', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Returns the message it is given.', inputSchema: { message: z.string() } },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] })
  );
  return server;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const httpServer = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(405).end();
    return;
  }
  const server = echoServer();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true
  });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  try {
    const body = JSON.parse(await readBody(req));
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  } catch (error) {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: String(error) }, id: null }));
    }
  }
});
httpServer.keepAliveTimeout = 60000;
httpServer.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`listening on ${httpServer.address().port}`);
});
