/**
 * Argument schemas for every IPC channel. Main trusts nothing the renderer sends:
 * a compromised renderer could call these channels with anything.
 */
import { z } from 'zod';
import { SNAPSHOT_REASONS, type IpcChannel, type IpcContract } from '../shared/contract';
import { SNAPSHOT_NAME } from './snapshots';
import {
  lanEventsRequestSchema,
  lanOpenRequestSchema,
  lanRoundIdSchema,
  lanUpdateRequestSchema,
} from './lan/lanSchemas';

/** Upper bound for one saved file, as characters of the content string. */
export const MAX_SAVE_CONTENT_CHARS = 60 * 1024 * 1024;

function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => name !== '.' && name !== '..', 'not a file name')
  .refine((name) => !name.includes('/') && !name.includes('\\'), 'no directories')
  .refine((name) => !hasControlChar(name), 'no control characters');

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

const filtersSchema = z.array(fileFilterSchema).max(10);

// Buffer.from(text, 'base64') silently skips bad characters: check it strictly instead.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const saveFileRequestSchema = z
  .strictObject({
    suggestedName: suggestedNameSchema,
    content: z.string().max(MAX_SAVE_CONTENT_CHARS),
    encoding: z.enum(['utf8', 'base64']),
    filters: filtersSchema,
  })
  .refine(
    (request) =>
      request.encoding !== 'base64' || (request.content.length % 4 === 0 && BASE64.test(request.content)),
    {
      message: 'content is not base64',
      path: ['content'],
    },
  );

export const openFileRequestSchema = z.strictObject({ filters: filtersSchema });

export const uiLanguageSchema = z.enum(['de', 'en']);

const snapshotSummarySchema = z.strictObject({
  workshops: z.number().int().min(0).max(1_000_000),
  titles: z.array(z.string().max(200)).max(10),
  rows: z.number().int().min(0).max(10_000_000),
});

export const snapshotWriteRequestSchema = z.strictObject({
  content: z.string().min(1).max(MAX_SAVE_CONTENT_CHARS),
  reason: z.enum(SNAPSHOT_REASONS),
  summary: snapshotSummarySchema,
});

/** Only names main itself gave out: no folders, no other files of userData. */
export const snapshotIdSchema = z.string().regex(SNAPSHOT_NAME);

/** The whole argument list of each channel, as ipcRenderer.invoke sends it. */
export const IPC_ARG_SCHEMAS = {
  'file:save': z.tuple([saveFileRequestSchema]),
  'file:open': z.tuple([openFileRequestSchema]),
  'app:version': z.tuple([]),
  'app:set-language': z.tuple([uiLanguageSchema]),
  'window:open-projector': z.tuple([z.string().regex(/^[A-Za-z0-9-]{1,64}$/)]),
  'file:open-bytes': z.tuple([openFileRequestSchema]),
  'snapshot:write': z.tuple([snapshotWriteRequestSchema]),
  'snapshot:list': z.tuple([]),
  'snapshot:read': z.tuple([snapshotIdSchema]),
  'snapshot:location': z.tuple([]),
  'snapshot:next-request': z.tuple([]),
  'lan:interfaces': z.tuple([]),
  'lan:open': z.tuple([lanOpenRequestSchema]),
  'lan:update': z.tuple([lanUpdateRequestSchema]),
  'lan:close': z.tuple([lanRoundIdSchema]),
  'lan:events': z.tuple([lanEventsRequestSchema]),
  'lan:current': z.tuple([]),
} as const satisfies Record<IpcChannel, z.ZodType>;

// Compile-time proof that the schemas accept exactly the contract's argument types.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type IpcSchemasMatchContract = Assert<
  Equals<
    { [C in IpcChannel]: z.infer<(typeof IPC_ARG_SCHEMAS)[C]> },
    { [C in IpcChannel]: IpcContract[C]['args'] }
  >
>;
