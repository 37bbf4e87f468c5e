// The ceiling anchor of `npm run bench`: a bare node:http server answering the same JSON body as
// the API's hello anchors (backend/src/bench/anchors.ts). PM2 runs it like the API (cluster mode,
// one port per instance) and the bench NGINX proxies one location to it, so the three anchors
// share the whole NGINX → PM2 path and differ only in what runs inside the process.
const http = require('node:http');

const port = Number(process.env.PORT);
const body = JSON.stringify({ hello: 'world' });
const headers = {
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': Buffer.byteLength(body),
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
// As the API: idle upstream sockets outlive NGINX's keepalive_timeout (60 s).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.once('SIGINT', () => server.close(() => process.exit(0)));
