// Moderato never talks to the network. The renderer is held by the CSP and the
// session's request filter; this keeps HTTP clients out of the main process and
// preload, where neither applies.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNetworkUses } from './networkClients';

const ELECTRON_DIR = path.resolve(__dirname, '../../electron');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|cjs|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('main process and preload', () => {
  const files = sourceFiles(ELECTRON_DIR);

  it('are scanned at all', () => {
    const relative = files.map((file) => path.relative(ELECTRON_DIR, file).split(path.sep).join('/'));
    expect(relative).toEqual(expect.arrayContaining(['main/main.ts', 'main/ipc.ts', 'preload/preload.ts']));
  });

  it('contain no HTTP, socket or fetch client and no Electron net, anywhere under electron/', () => {
    const uses = files.flatMap((file) =>
      findNetworkUses(path.relative(ELECTRON_DIR, file), readFileSync(file, 'utf8')),
    );
    expect(uses).toEqual([]);
  });
});

describe('the scanner', () => {
  it.each([
    ['node:https', `import https from 'node:https';\nhttps.get('https://example.org');`],
    ['https.request', `import * as https from 'https';\nhttps.request({ host: 'x' });`],
    ['http.get', `import * as http from 'node:http';\nhttp.get('http://example.org');`],
    ['http request by name', `import { request } from 'node:http';`],
    ['net.connect', `import { connect } from 'node:net';\nconnect(80, 'example.org');`],
    ['net namespace', `import net from 'net';\nnet.createConnection(80);`],
    ['a module passed around', `import * as http from 'node:http';\nuse(http);`],
    ['require of http', `const http = require('http');`],
    ['dynamic import of https', `await import('node:https');`],
    ['tls', `import tls from 'node:tls';`],
    ['dns', `import { lookup } from 'node:dns/promises';`],
    ['undici', `import { request } from 'undici';`],
    ['axios', `import axios from 'axios';`],
    ['ws', `import WebSocket from 'ws';`],
    ['global fetch', `await fetch('https://example.org');`],
    ['globalThis.fetch', `globalThis.fetch(url);`],
    ['fetch passed as a dependency', `create({ fetch });`],
    ['XMLHttpRequest', `new XMLHttpRequest();`],
    ['WebSocket', `new WebSocket('wss://example.org');`],
    ['EventSource', `new EventSource('/x');`],
    ['sendBeacon', `navigator.sendBeacon('/x', data);`],
    ['Electron net', `import { net } from 'electron';\nnet.request('https://example.org');`],
    ['Electron net aliased', `import { net as n } from 'electron';`],
    ['Electron net through a namespace', `import * as electron from 'electron';\nelectron.net.fetch(u);`],
    ['session.fetch', `import { session } from 'electron';\nsession.defaultSession.fetch(u);`],
    ['net.fetch in a protocol handler', `protocol.handle('app', (r) => net.fetch(r.url));`],
    ['downloadURL', `window.webContents.downloadURL('https://example.org/x.exe');`],
    ['autoUpdater', `import { autoUpdater } from 'electron';`],
    ['a remote page', `window.loadURL('https://example.org/');`],
    ['a remote page in a template', 'window.loadURL(`http://${host}/`);'],
  ])('flags %s', (_label, code) => {
    expect(findNetworkUses('sample.ts', code)).not.toEqual([]);
  });

  it.each([
    [
      'a local voting server',
      `import { createServer, type IncomingMessage } from 'node:http';\ncreateServer(h);`,
    ],
    ['server types only', `import type { Server, Socket } from 'node:net';`],
    ['a namespace used for the server', `import * as http from 'node:http';\nhttp.createServer(h);`],
    ['the checked openExternal', `import { shell } from 'electron';\nshell.openExternal(url);`],
    ['the app protocol', `window.loadURL('app://moderato/index.html');`],
    ['words in comments and strings', `// we never fetch\nconst text = 'fetch the WebSocket over https://';`],
    ['a type called Response', `function serve(): Promise<Response> { return x; }`],
  ])('allows %s', (_label, code) => {
    expect(findNetworkUses('sample.ts', code)).toEqual([]);
  });
});
