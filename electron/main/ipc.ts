/**
 * IPC handlers. The router holds all decisions and takes its effects as
 * dependencies, so tests drive it without Electron; registerIpcHandlers only
 * connects it to ipcMain.
 */
import type { IpcMain } from 'electron';
import * as path from 'node:path';
import {
  API_CHANNELS,
  MAX_OPEN_FILE_BYTES,
  type FileFilter,
  type IpcChannel,
  type IpcContract,
  type OpenBytesResult,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
  type SnapshotInfo,
  type SnapshotLocation,
  type SnapshotWriteRequest,
  type UiLanguage,
} from '../shared/contract';
import type {
  LanEvents,
  LanEventsRequest,
  LanInterface,
  LanOpenRequest,
  LanOpenResult,
  LanSession,
  LanUpdateRequest,
} from '../shared/lanContract';
import { IPC_ARG_SCHEMAS } from './ipcSchemas';
import { isTrustedSender } from './security';

export interface IpcDeps {
  showSaveDialog(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    filters: FileFilter[];
    properties: ['openFile'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void>;
  /** Reads a file as UTF-8 text. */
  readFile(filePath: string): Promise<string>;
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  getVersion(): string;
  setLanguage(language: UiLanguage): void;
  openProjector(workshopId: string): boolean;
  /** Reads a file's raw bytes (backups are decoded strictly by the renderer). */
  readFileBytes(filePath: string): Promise<Uint8Array>;
  writeSnapshot(request: SnapshotWriteRequest): Promise<SnapshotInfo>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** Only for names listSnapshots gave out (the schema checks the pattern). */
  readSnapshot(id: string): Promise<Uint8Array>;
  snapshotLocation(): SnapshotLocation;
  /** Resolves when main wants a snapshot (on quit). */
  nextSnapshotRequest(): Promise<{ reason: 'quit' }>;
  /** Phone voting: the LAN host (main/lan/lanHost.ts), one function each so fakes stay flat. */
  lanInterfaces(): Promise<LanInterface[]>;
  lanOpen(request: LanOpenRequest): Promise<LanOpenResult>;
  lanUpdate(request: LanUpdateRequest): Promise<void>;
  lanClose(roundId: string): Promise<void>;
  lanEvents(request: LanEventsRequest): Promise<LanEvents>;
  lanCurrent(): Promise<LanSession | null>;
}

type Args<C extends IpcChannel> = IpcContract[C]['args'];
type Result<C extends IpcChannel> = IpcContract[C]['result'];
type Handlers = { [C in IpcChannel]: (...args: Args<C>) => Promise<Result<C>> };

export interface IpcRouter {
  handle<C extends IpcChannel>(
    channel: C,
    senderUrl: string | null | undefined,
    rawArgs: unknown[],
  ): Promise<Result<C>>;
}

/** Thrown errors reach the renderer as rejected promises; keep them short and free of payload. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

async function saveFile(deps: IpcDeps, request: SaveFileRequest): Promise<SaveFileResult> {
  const choice = await deps.showSaveDialog({ defaultPath: request.suggestedName, filters: request.filters });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  const data = request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content;
  await deps.writeFileAtomic(choice.filePath, data);
  return { status: 'saved', fileName: path.basename(choice.filePath) };
}

async function openFile(deps: IpcDeps, filters: FileFilter[]): Promise<OpenFileResult> {
  const choice = await deps.showOpenDialog({ filters, properties: ['openFile'] });
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
  const fileName = path.basename(filePath);
  // Check the size before reading, so a wrong pick cannot fill the memory.
  const info = await deps.stat(filePath);
  if (!info.isFile()) throw new IpcRefusedError('Not a file');
  if (info.size > MAX_OPEN_FILE_BYTES) return { status: 'too-large', fileName, bytes: info.size };
  const text = await deps.readFile(filePath);
  // Editors on Windows like to start UTF-8 files with a BOM, which JSON.parse rejects.
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return { status: 'opened', fileName, content };
}

async function openFileBytes(deps: IpcDeps, filters: FileFilter[]): Promise<OpenBytesResult> {
  const choice = await deps.showOpenDialog({ filters, properties: ['openFile'] });
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { status: 'cancelled' };
  const fileName = path.basename(filePath);
  const info = await deps.stat(filePath);
  if (!info.isFile()) throw new IpcRefusedError('Not a file');
  if (info.size > MAX_OPEN_FILE_BYTES) return { status: 'too-large', fileName, bytes: info.size };
  return { status: 'opened', fileName, bytes: await deps.readFileBytes(filePath) };
}

export function createIpcRouter(deps: IpcDeps): IpcRouter {
  const handlers: Handlers = {
    'file:save': (request) => saveFile(deps, request),
    'file:open': (request) => openFile(deps, request.filters),
    'app:version': async () => deps.getVersion(),
    'app:set-language': async (language) => deps.setLanguage(language),
    'window:open-projector': async (workshopId) => deps.openProjector(workshopId),
    'file:open-bytes': (request) => openFileBytes(deps, request.filters),
    'snapshot:write': (request) => deps.writeSnapshot(request),
    'snapshot:list': () => deps.listSnapshots(),
    'snapshot:read': (id) => deps.readSnapshot(id),
    'snapshot:location': async () => deps.snapshotLocation(),
    'snapshot:next-request': () => deps.nextSnapshotRequest(),
    'lan:interfaces': () => deps.lanInterfaces(),
    'lan:open': (request) => deps.lanOpen(request),
    'lan:update': (request) => deps.lanUpdate(request),
    'lan:close': (roundId) => deps.lanClose(roundId),
    'lan:events': (request) => deps.lanEvents(request),
    'lan:current': () => deps.lanCurrent(),
  };

  return {
    async handle<C extends IpcChannel>(channel: C, senderUrl: string | null | undefined, rawArgs: unknown[]) {
      if (!Object.hasOwn(IPC_ARG_SCHEMAS, channel)) throw new IpcRefusedError('Unknown channel');
      if (!isTrustedSender(senderUrl)) throw new IpcRefusedError('Untrusted sender');
      const parsed = IPC_ARG_SCHEMAS[channel].safeParse(rawArgs);
      if (!parsed.success) throw new IpcRefusedError(`Invalid arguments for ${channel}`);
      const handler = handlers[channel] as (...args: Args<C>) => Promise<Result<C>>;
      return handler(...(parsed.data as Args<C>));
    },
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): IpcRouter {
  const router = createIpcRouter(deps);
  for (const channel of Object.values(API_CHANNELS)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      router.handle(channel, event.senderFrame?.url, args),
    );
  }
  return router;
}
