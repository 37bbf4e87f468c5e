import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { stack } from './stack';

// Renders nginx/nginx.conf, the production config, into a throwaway folder so that it can be
// tested and run here: loopback ports, a self-signed certificate, this stack's API instances,
// and paths under the folder instead of /var/log, /run and the system temp folders. Everything
// else (locations, limits, headers, the proxy settings) is the production file as committed.

export interface ProductionNginx {
  dir: string;
  conf: string;
  httpPort: number;
  httpsPort: number;
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Replaces `pattern` in `text`, failing loudly when the production file no longer has it. */
function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) {
    throw new Error(`nginx/nginx.conf no longer matches ${String(pattern)}`);
  }

  return text.replace(pattern, replacement);
}

export function renderProductionNginx(ports: {
  httpPort: number;
  httpsPort: number;
}): ProductionNginx {
  const source = path.join(stack.root(), 'nginx');
  const dir = mkdtempSync(path.join(tmpdir(), 'habitgym-nginx-'));
  mkdirSync(path.join(dir, 'logs'));
  mkdirSync(path.join(dir, 'habitgym'));

  let conf = readFileSync(path.join(source, 'nginx.conf'), 'utf8');
  conf = replaceOnce(conf, /^user .*;$/m, '');
  conf = replaceOnce(conf, /^pid .*;$/m, `pid ${dir}/nginx.pid;`);
  conf = replaceOnce(conf, /\/var\/log\/nginx\//g, `${dir}/logs/`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${dir}/${kind};`)
    .join('\n');
  conf = replaceOnce(conf, /^http \{$/m, `http {\n${temp}`);
  const confPath = path.join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);

  // The files an operator edits per host are replaced; the others are used as committed.
  for (const file of readdirSync(path.join(source, 'habitgym'))) {
    copyFileSync(path.join(source, 'habitgym', file), path.join(dir, 'habitgym', file));
  }
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      path.join(dir, 'privkey.pem'),
      '-out',
      path.join(dir, 'fullchain.pem'),
    ],
    { stdio: 'ignore' },
  );
  const hostFiles: Record<string, string> = {
    'listen-http.conf': `listen 127.0.0.1:${ports.httpPort} default_server;`,
    'listen-https.conf': `listen 127.0.0.1:${ports.httpsPort} ssl http2 default_server;`,
    'tls.conf': `ssl_certificate ${dir}/fullchain.pem;\nssl_certificate_key ${dir}/privkey.pem;`,
    'api-servers.conf': stack
      .apiPorts()
      .map((port) => `server 127.0.0.1:${port} max_fails=3 fail_timeout=10s;`)
      .join('\n'),
    'web-servers.conf': `server 127.0.0.1:${stack.webPort()} max_fails=3 fail_timeout=10s;`,
  };
  for (const [file, text] of Object.entries(hostFiles)) {
    if (!readdirSync(path.join(source, 'habitgym')).includes(file)) {
      throw new Error(`nginx/habitgym/${file} is missing`);
    }
    writeFileSync(path.join(dir, 'habitgym', file), `${text}\n`);
  }

  return { dir, conf: confPath, ...ports };
}

/** `nginx -t` on the rendered file: its exit code and what it printed. */
export function testConfig(nginx: ProductionNginx): { status: number | null; output: string } {
  const result = spawnSync('nginx', ['-t', '-c', nginx.conf, '-p', nginx.dir], {
    encoding: 'utf8',
  });

  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function startNginx(nginx: ProductionNginx): void {
  execFileSync('nginx', ['-c', nginx.conf, '-p', nginx.dir]);
}

export function stopNginx(nginx: ProductionNginx): void {
  const pid = Number(readFileSync(path.join(nginx.dir, 'nginx.pid'), 'utf8'));
  process.kill(pid, 'SIGTERM');
}
