import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throw-away PostgreSQL cluster in a temporary directory, which a test may stop and start at will (the
 * machine's shared server is never touched). Its superuser is `postgres` with trust authentication.
 */
export type Cluster = {
  port: number;
  start: () => Promise<void>;
  /** `immediate` is a crash-like stop: backends are killed, no checkpoint. */
  stop: (mode: 'fast' | 'immediate') => Promise<void>;
  /** Runs SQL with psql as the superuser; resolves with psql's unaligned output. */
  sql: (statement: string, database?: string) => Promise<string>;
  /** Whether the server runs (`pg_ctl status`). */
  running: () => Promise<boolean>;
  /** Stops the cluster if it runs and deletes its directory; safe to call in any state. */
  destroy: () => Promise<void>;
};

/** initdb and pg_ctl: PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout). */
const binDir = () => {
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join('/usr/lib/postgresql', version, 'bin'))
      : [];
  const found = candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))
  );
  if (!found) {
    throw new Error(
      'initdb/pg_ctl not found (PG_BINDIR or /usr/lib/postgresql/*/bin): install the PostgreSQL server package to run this test'
    );
  }
  return found;
};

const portInUse = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** initdb refuses to run as root: then the cluster belongs to, and its commands run as, the `postgres` user. */
const asClusterOwner = async (dir: string) => {
  if (process.getuid?.() !== 0) return (command: string, args: string[]) => run(command, args);
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout);
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout);
  fs.chownSync(dir, uid, gid);
  return (command: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', command, ...args]);
};

export const createCluster = async (port: number): Promise<Cluster> => {
  const bin = binDir();
  if (await portInUse(port))
    throw new Error(`port ${port} is in use (a cluster left over by an earlier run?)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  let exec: (command: string, args: string[]) => Promise<unknown> = (command, args) =>
    run(command, args);
  const pgCtl = async (args: string[]) => exec(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);

  const cluster: Cluster = {
    port,
    start: async () => {
      await pgCtl([
        '-w',
        '-l',
        log,
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        'start',
      ]);
    },
    stop: async (mode) => {
      await pgCtl(['-w', '-m', mode, 'stop']);
    },
    sql: async (statement, database = 'postgres') => {
      const args = [
        '-X',
        '-tA',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-c',
        statement,
      ];
      return String((await run(path.join(bin, 'psql'), args)).stdout).trim();
    },
    running: () =>
      pgCtl(['status']).then(
        () => true,
        () => false
      ),
    destroy: async () => {
      try {
        // The pid file exists while a postmaster runs (or after a crash): stop it whatever this object believes.
        if (fs.existsSync(path.join(data, 'postmaster.pid'))) await cluster.stop('immediate');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  try {
    exec = await asClusterOwner(dir);
    await exec(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
};
