/**
 * Exposes window.moderato: one function per IPC channel, never ipcRenderer itself.
 * Sandboxed preloads can only require 'electron', so nothing from ../shared is
 * imported at runtime; the channel names are repeated here and the types pin
 * them to the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { API_CHANNELS, IpcChannel, IpcContract, ModeratoApi } from '../shared/contract';

const CHANNELS: typeof API_CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  appVersion: 'app:version',
  setLanguage: 'app:set-language',
  openProjector: 'window:open-projector',
  openFileBytes: 'file:open-bytes',
  writeSnapshot: 'snapshot:write',
  listSnapshots: 'snapshot:list',
  readSnapshot: 'snapshot:read',
  snapshotLocation: 'snapshot:location',
  nextSnapshotRequest: 'snapshot:next-request',
  lanInterfaces: 'lan:interfaces',
  lanOpen: 'lan:open',
  lanUpdate: 'lan:update',
  lanClose: 'lan:close',
  lanEvents: 'lan:events',
  lanCurrent: 'lan:current',
};

function invoke<C extends IpcChannel>(
  channel: C,
  ...args: IpcContract[C]['args']
): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args);
}

// Each function forwards exactly its declared arguments, so a page cannot smuggle extra ones.
const api = {
  saveFile: (request) => invoke(CHANNELS.saveFile, request),
  openFile: (request) => invoke(CHANNELS.openFile, request),
  appVersion: () => invoke(CHANNELS.appVersion),
  setLanguage: (language) => invoke(CHANNELS.setLanguage, language),
  openProjector: (workshopId) => invoke(CHANNELS.openProjector, workshopId),
  openFileBytes: (request) => invoke(CHANNELS.openFileBytes, request),
  writeSnapshot: (request) => invoke(CHANNELS.writeSnapshot, request),
  listSnapshots: () => invoke(CHANNELS.listSnapshots),
  readSnapshot: (id) => invoke(CHANNELS.readSnapshot, id),
  snapshotLocation: () => invoke(CHANNELS.snapshotLocation),
  nextSnapshotRequest: () => invoke(CHANNELS.nextSnapshotRequest),
  lanInterfaces: () => invoke(CHANNELS.lanInterfaces),
  lanOpen: (request) => invoke(CHANNELS.lanOpen, request),
  lanUpdate: (request) => invoke(CHANNELS.lanUpdate, request),
  lanClose: (roundId) => invoke(CHANNELS.lanClose, roundId),
  lanEvents: (request) => invoke(CHANNELS.lanEvents, request),
  lanCurrent: () => invoke(CHANNELS.lanCurrent),
} satisfies ModeratoApi;

contextBridge.exposeInMainWorld('moderato', api);
