import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Instance = { url: string; process: ChildProcess; stop: () => Promise<void> };

/** Starts the app in another process on the same database as the tests; resolves when it serves. */
export const startInstance = (port: number, env: Record<string, string> = {}): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'start-instance.js')], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SEED_ON_EMPTY_DATABASE: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    child.stdout?.on('data', (chunk) => {
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
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${errors}`)));
  });
