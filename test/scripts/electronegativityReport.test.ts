import { describe, expect, it } from 'vitest';
import {
  atLeast,
  invalidSuppressions,
  judge,
  parseCsv,
  parseFindings,
  type Finding,
  type Suppression,
} from '../../scripts/gates/electronegativityReport';

// The exact shape electronegativity 1.10.3 writes (header with spaces, quoted fields, N/A unquoted).
const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","11:0","default-src \'self\'; script-src \'self\'","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/main.ts","73:62","installSecurityPolicy(app, session.defaultSession, (url) => shell.openExternal(url));","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron\\main\\window.ts","12:6","contextIsolation: false, // ""legacy""","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN",N/A,"0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  '',
].join('\n');

const REASON = 'openExternal is only reached through isAllowedExternalUrl (http, https, mailto), tested.';

const OPEN_EXTERNAL: Suppression = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'electron/main/main.ts',
  sample: 'shell.openExternal(url)',
  reason: REASON,
};

describe('parsing the CSV', () => {
  it('reads quoted fields with commas, doubled quotes and unquoted N/A', () => {
    expect(parseCsv('a,"b, c","d ""e""",N/A\r\nx,y\n')).toEqual([
      ['a', 'b, c', 'd "e"', 'N/A'],
      ['x', 'y'],
    ]);
  });

  it('turns rows into findings and Windows paths into POSIX ones', () => {
    const findings = parseFindings(CSV);
    expect(findings.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main/main.ts'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/window.ts'],
      ['CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A'],
    ]);
    expect(findings[2]?.sample).toBe('contextIsolation: false, // "legacy"');
  });

  it('refuses a file that is not such a CSV instead of reading it as "no findings"', () => {
    expect(() => parseFindings('')).toThrow(/not an electronegativity CSV/);
    expect(() => parseFindings('{"runs": []}')).toThrow(/not an electronegativity CSV/);
    expect(() => parseFindings(`${CSV}SANDBOX_JS_CHECK,"MEDIUM"\n`)).toThrow(/fields/);
    expect(() => parseFindings(CSV.replace('"HIGH"', '"SEVERE"'))).toThrow(/unknown severity/);
    expect(() => parseCsv('a,"b')).toThrow(/quoted/);
  });
});

describe('the verdict', () => {
  const findings = parseFindings(CSV);

  it('orders severities', () => {
    expect(atLeast('HIGH', 'MEDIUM')).toBe(true);
    expect(atLeast('MEDIUM', 'MEDIUM')).toBe(true);
    expect(atLeast('LOW', 'MEDIUM')).toBe(false);
    expect(atLeast('INFORMATIONAL', 'MEDIUM')).toBe(false);
  });

  it('fails on MEDIUM and HIGH findings without a suppression and reports LOW ones only', () => {
    const verdict = judge(findings, []);
    expect(verdict.unsuppressed.map((f) => f.check)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'CSP_GLOBAL_CHECK',
    ]);
    expect(verdict.belowThreshold.map((f) => f.severity)).toEqual(['LOW']);
  });

  it('lets a matching suppression through, and only for its check, file and line', () => {
    const verdict = judge(findings, [OPEN_EXTERNAL]);
    expect(verdict.suppressed.map(({ finding }) => finding.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(verdict.unsuppressed.map((f) => f.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'CSP_GLOBAL_CHECK',
    ]);

    const elsewhere: Finding = { ...(findings[1] as Finding), file: 'electron/main/menu.ts' };
    const changedLine: Finding = { ...(findings[1] as Finding), sample: 'shell.openExternal(request.url)' };
    expect(judge([elsewhere, changedLine], [OPEN_EXTERNAL]).unsuppressed).toHaveLength(2);
  });

  it('reports suppressions that match nothing, so a stale one cannot hide a future finding', () => {
    const stale: Suppression = { ...OPEN_EXTERNAL, file: 'electron/main/gone.ts' };
    expect(judge(findings, [OPEN_EXTERNAL, stale]).unused).toEqual([stale]);
  });

  it('wants a check id, a file, the flagged code and a real reason for every suppression', () => {
    expect(invalidSuppressions([OPEN_EXTERNAL])).toEqual([]);
    const problems = invalidSuppressions([
      { ...OPEN_EXTERNAL, reason: 'fine' },
      { ...OPEN_EXTERNAL, check: 'openExternal' },
      { ...OPEN_EXTERNAL, sample: '' },
      { check: 'SANDBOX_JS_CHECK' } as Suppression,
    ]);
    expect(problems.join('\n')).toMatch(/suppression 1 .*"reason"/);
    expect(problems.join('\n')).toMatch(/suppression 2 .*"check"/);
    expect(problems.join('\n')).toMatch(/suppression 3 .*"sample"/);
    expect(problems.join('\n')).toMatch(/suppression 4 .*"file"/);
  });
});
