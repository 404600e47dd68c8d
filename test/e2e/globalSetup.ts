// Serves the built renderer on 127.0.0.1 (a free port) for the e2e tests and
// hands its address to them through vitest's provide/inject.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const URL_LINE = /Moderato läuft im Browser: (http:\/\/127\.0\.0\.1:\d+\/)/;
const STARTUP_MS = 50_000;

function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ['scripts/web.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${reason}\n--- output of scripts/web.mjs ---\n${output}`));
    };
    const timer = setTimeout(
      () => fail(`scripts/web.mjs printed no URL within ${STARTUP_MS / 1000} s`),
      STARTUP_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({ child, baseUrl: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', (error) => fail(`scripts/web.mjs could not start: ${error.message}`));
    child.once('exit', (code, signal) =>
      fail(`scripts/web.mjs exited early (code ${code}, signal ${signal})`),
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { child, baseUrl } = await startServer();
  child.removeAllListeners('exit');
  // Keep draining the pipes so the server never blocks on a full buffer.
  child.stdout?.resume();
  child.stderr?.resume();
  project.provide('baseUrl', baseUrl);
  // Should vitest end without running the teardown (killed, broken pipe), take the server along.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
  };
}
