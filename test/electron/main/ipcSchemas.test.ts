import { describe, expect, it } from 'vitest';
import {
  IPC_ARG_SCHEMAS,
  MAX_SAVE_CONTENT_CHARS,
  saveFileRequestSchema,
  suggestedNameSchema,
} from '../../../electron/main/ipcSchemas';
import { API_CHANNELS } from '../../../electron/shared/contract';

const request = { suggestedName: 'a.json', content: '', encoding: 'utf8', filters: [] };

describe('IPC schemas', () => {
  it('cover exactly the channels of the contract', () => {
    expect(Object.keys(IPC_ARG_SCHEMAS).sort()).toEqual(Object.values(API_CHANNELS).sort());
  });

  it('accept the limits themselves', () => {
    expect(suggestedNameSchema.safeParse('n'.repeat(200)).success).toBe(true);
    expect(suggestedNameSchema.safeParse('n'.repeat(201)).success).toBe(false);
    expect(suggestedNameSchema.safeParse('...moderato.json').success).toBe(true);
    const big = { ...request, content: 'x'.repeat(MAX_SAVE_CONTENT_CHARS) };
    expect(saveFileRequestSchema.safeParse(big).success).toBe(true);
    const filters = Array.from({ length: 10 }, (_, i) => ({
      name: 'n'.repeat(100),
      extensions: Array.from({ length: 10 }, () => `e${i}`),
    }));
    expect(saveFileRequestSchema.safeParse({ ...request, filters }).success).toBe(true);
  });

  it('accept valid base64 and refuse padding in the middle', () => {
    const ok = { ...request, encoding: 'base64', content: Buffer.from('Protokoll').toString('base64') };
    expect(saveFileRequestSchema.safeParse(ok).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...ok, content: 'QQ==QQ==' }).success).toBe(false);
    expect(saveFileRequestSchema.safeParse({ ...ok, content: 'QQ=' }).success).toBe(false);
  });

  it('take no arguments for app:version and only de or en as a language', () => {
    expect(IPC_ARG_SCHEMAS['app:version'].safeParse([]).success).toBe(true);
    expect(IPC_ARG_SCHEMAS['app:version'].safeParse([undefined]).success).toBe(false);
    expect(IPC_ARG_SCHEMAS['app:set-language'].safeParse(['de']).success).toBe(true);
    expect(IPC_ARG_SCHEMAS['app:set-language'].safeParse(['DE']).success).toBe(false);
  });
});
