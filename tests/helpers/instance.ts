import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export type Instance = { url: string; process: ChildProcess; stop: () => Promise<void> };
export type Exit = { code: number | null; output: string };

const START_SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'start-instance.js');

/**
 * The environment of a child app. By default the test's own (its DATABASE_* and secrets, no seeding); `clean`
 * keeps only what a shell gives a new user (PATH, HOME), so the app sees nothing but `env` and the file named by
 * ENV_PATH.
 */
const childEnv = (env: Record<string, string>, clean: boolean): NodeJS.ProcessEnv => {
  const base = clean
    ? { PATH: process.env.PATH, HOME: process.env.HOME }
    : { ...process.env, SEED_ON_EMPTY_DATABASE: 'false' };
  return { ...base, HOST: '127.0.0.1', ...env };
};

/** A TCP port nobody listens on now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts the app in another process; resolves when it serves, rejects (with its output) if it exits first. */
export const startInstance = (
  port: number,
  env: Record<string, string> = {},
  clean = false
): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [START_SCRIPT], {
      env: childEnv({ ...env, PORT: String(port) }, clean),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (String(chunk).includes('ready')) {
        resolve({
          url: `http://127.0.0.1:${port}`,
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${output}`)));
  });

/** Starts the app expecting it to refuse to start; resolves with its exit code and everything it printed. */
export const startExpectingExit = (env: Record<string, string>, clean = true): Promise<Exit> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [START_SCRIPT], {
      env: childEnv(env, clean),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('ready')) child.kill('SIGTERM');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => resolve({ code, output }));
  });
