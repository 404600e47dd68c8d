// Serves the built renderer on 127.0.0.1 as a plain web app (the browser platform).
// Usage: npm run web   (PORT=5180 by default; PORT=0 picks a free port)
// Builds first when the build is missing or older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(`${path}/${entry}`)));
}

function isStale(output, ...sources) {
  return !existsSync(output) || Math.max(...sources.map(newestMtime)) > statSync(output).mtimeMs;
}

// Always the production build users get, also when started by the e2e tests (vitest sets
// NODE_ENV=test, which would build React's development version).
function run(script) {
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const index = `${root}dist-renderer/index.html`;
const phoneIndex = `${root}dist-phone/index.html`;
if (isStale(index, `${root}renderer`, `${root}electron/shared`) || !existsSync(phoneIndex))
  run('build:renderer');
if (isStale(`${root}dist-electron/main/lan/lanHost.js`, `${root}electron`)) run('build:electron');

// Loaded after the build: both read the compiled modules in dist-electron.
const { createLanControl } = await import('./lanControl.mjs');
const { startStaticServer } = await import('./staticServer.mjs');

const port = Number(process.env.PORT ?? 5180);
// Phone voting over the local network (off until the facilitator opens a round to phones).
let boundPort = port;
const lanControl = createLanControl({ pageDir: `${root}dist-phone`, getPort: () => boundPort });
const server = await startStaticServer({ rootDir: `${root}dist-renderer`, port, lanControl });
boundPort = server.port;
const stop = () => {
  server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
console.log(`Moderato läuft im Browser: http://127.0.0.1:${server.port}/`);
