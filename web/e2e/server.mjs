// Runs the real samen binary for the browser tests: a fresh demo region in a temporary
// directory (`samen demo --no-serve`), then `samen serve --static web/dist` on a free port.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASSWORD = 'Lindeveld-demo-2026!';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, process, deadline = Date.now() + 30000) {
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`samen serve exited with ${process.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('samen serve did not become healthy within 30 s');
}

export async function startServer({ bin, staticDir, pupils = 120 }) {
  const dir = mkdtempSync(join(tmpdir(), 'samen-e2e-'));
  const db = join(dir, 'samen.db');
  const loginsFile = join(dir, 'logins.json');
  execFileSync(
    bin,
    ['demo', '--no-serve', '--db', db, '--password', PASSWORD, '--pupils', String(pupils), '--logins-json', loginsFile],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120000 },
  );
  // As in production the server signs audit checkpoints; every second, so a flow sees one.
  const auditKey = join(dir, 'audit.key');
  execFileSync(bin, ['audit', 'keygen', '--out', auditKey], { stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = [];
  const child = spawn(
    bin,
    ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--static', staticDir, '--log-level', 'warn',
      '--audit-key', auditKey, '--audit-checkpoint-interval', '1',
      // The demo sealed its sensitive fields with the keys it made beside the database.
      '--field-keys', join(dir, 'field.keys')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  await waitHealthy(url, child);
  return {
    url,
    db,
    logins: JSON.parse(readFileSync(loginsFile, 'utf8')),
    log,
    /** Changes the database behind the server's back (to age a session, say). The server
     *  may hold the write lock at that moment (an audit row, a touched session), so the
     *  statement waits for it instead of failing with "database is locked". */
    sql(statement) {
      execFileSync('sqlite3', ['-cmd', '.timeout 10000', db, statement], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
