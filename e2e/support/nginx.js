// Runs Debian's nginx with the hosting snippets from docs/hosting/, so the
// README's configuration is tested as written.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts nginx with one server per entry of `servers`:
 * { port, root, include } where `include` is a file under docs/hosting/.
 * Resolves to a function that stops it.
 */
export async function startNginx(servers) {
  const prefix = mkdtempSync(join(tmpdir(), 'saman-nginx-'));
  const blocks = servers
    .map(({ port, root, include }) =>
      `  server { listen 127.0.0.1:${port}; root ${resolve(ROOT, root)}; include ${join(ROOT, 'docs/hosting', include)}; }`)
    .join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${prefix}/${name};`)
    .join('\n');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `error_log ${prefix}/error.log;\npid ${prefix}/nginx.pid;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n${temp}\n${blocks}\n}\n`,
  );
  const nginx = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off; master_process off;'], {
    stdio: 'inherit',
  });
  const exited = new Promise((ok) => nginx.once('exit', ok));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${servers[0].port}/`).then(() => true, () => false);
    if (up) return async () => { nginx.kill(); await exited; };
    if (nginx.exitCode !== null) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  nginx.kill();
  throw new Error(`nginx did not start; see ${prefix}/error.log`);
}
