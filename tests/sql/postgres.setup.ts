/**
 * vitest global set-up: a throw-away PostgreSQL cluster for the SQL tests. It makes a cluster in
 * a temporary directory (initdb, as the `postgres` user when run as root), starts it on a free
 * local port, hands its URL to the tests as CRM_PG_URL and stops it afterwards. With CRM_PG_URL
 * already set, that server is used instead. Without Debian's postgresql the Postgres tests skip
 * with a message, except under CI (CI=1), where that is a failure.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0] as string, 'bin');
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
  });
});

declare module 'vitest' {
  export interface ProvidedContext { postgres: { url: string } | { skip: string } }
}

export default async function setup({ provide }: { provide: (key: 'postgres', value: { url: string } | { skip: string }) => void }): Promise<(() => void) | undefined> {
  if (process.env.CRM_PG_URL !== undefined) {
    provide('postgres', { url: process.env.CRM_PG_URL });
    return undefined;
  }
  const bin = binDir();
  if (bin === null) {
    if (process.env.CI !== undefined) throw new Error('CI needs PostgreSQL for the SQL tests: npm run postgres:install');
    provide('postgres', { skip: 'PostgreSQL is not installed (npm run postgres:install adds Debian\'s postgresql)' });
    return undefined;
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', cwd: dir });
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'crm', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
  provide('postgres', { url: `postgres://crm@127.0.0.1:${port}/postgres` });
  return () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
