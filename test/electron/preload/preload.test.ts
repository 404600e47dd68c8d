import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../../electron/shared/contract';

const PRELOAD_SOURCE = path.resolve(__dirname, '../../../electron/preload/preload.ts');

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (...args: unknown[]) => args) },
}));
vi.mock('electron', () => electron);

describe('preload imports', () => {
  const source = readFileSync(PRELOAD_SOURCE, 'utf8');

  it('imports only electron at runtime (sandboxed preloads cannot require anything else)', () => {
    const file = ts.createSourceFile('preload.ts', source, ts.ScriptTarget.ES2022);
    const runtimeImports = file.statements
      .filter(ts.isImportDeclaration)
      .filter((statement) => !statement.importClause?.isTypeOnly)
      .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
    expect(runtimeImports).toEqual(['electron']);
  });

  it('compiles to CommonJS that requires nothing but electron', () => {
    const output = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    const required = [...output.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(output).not.toMatch(/\bimport\(/);
  });
});

describe('window.moderato', () => {
  let api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};

  beforeAll(async () => {
    await import('../../../electron/preload/preload');
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(name).toBe('moderato');
    api = exposed as typeof api;
  });

  it('is exposed once, with exactly one function per contract channel', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_CHANNELS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
  });

  it('calls each function through its own channel with only the declared arguments', async () => {
    const request = { filters: [] };
    expect(await api.openFile?.(request, 'extra')).toEqual(['file:open', request]);
    expect(await api.appVersion?.('extra')).toEqual(['app:version']);
    expect(await api.setLanguage?.('en', 'extra')).toEqual(['app:set-language', 'en']);
    const save = { suggestedName: 'a.json', content: '', encoding: 'utf8', filters: [] };
    expect(await api.saveFile?.(save)).toEqual(['file:save', save]);
  });
});
