/**
 * Reads the CSV that @doyensec/electronegativity writes and decides the gate:
 * findings at MEDIUM or above fail it unless a suppression with a written reason
 * matches. The tool itself exits 0 whatever it finds, so this is the only verdict.
 */

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Relative to the scanned folder, POSIX separators; "N/A" for global findings. */
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface Suppression {
  check: string;
  /** Same form as Finding.file. */
  file: string;
  /** A piece of the flagged line, so the suppression survives edits above it but not a change of the line. */
  sample: string;
  /** Why this is not a problem here, for the next reviewer. */
  reason: string;
}

/** RFC 4180 CSV: quoted fields, "" for a quote inside, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** The findings of one electronegativity CSV; throws on anything it does not recognise. */
export function parseFindings(csv: string): Finding[] {
  const rows = parseCsv(csv);
  const [header, ...body] = rows;
  if (!header || header.map((h) => h.trim()).join() !== HEADER.join()) {
    throw new Error(`not an electronegativity CSV (header: ${JSON.stringify(header)})`);
  }
  return body.map((cells, index) => {
    if (cells.length !== HEADER.length) {
      throw new Error(`CSV row ${index + 2} has ${cells.length} fields instead of ${HEADER.length}`);
    }
    const [
      check = '',
      severity = '',
      confidence = '',
      file = '',
      location = '',
      sample = '',
      description = '',
    ] = cells;
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new Error(`CSV row ${index + 2}: unknown severity ${severity}`);
    }
    return {
      check,
      severity: severity as Severity,
      confidence,
      file: file.replace(/\\/g, '/'),
      location,
      sample,
      description,
    };
  });
}

export function atLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(minimum);
}

export function matches(suppression: Suppression, finding: Finding): boolean {
  return (
    suppression.check === finding.check &&
    suppression.file === finding.file &&
    finding.sample.includes(suppression.sample)
  );
}

/** Suppressions must explain themselves: a reason of a few words is not a review. */
export const MIN_REASON_LENGTH = 40;

export function invalidSuppressions(suppressions: readonly Suppression[]): string[] {
  return suppressions.flatMap((s, i) => {
    const label = `suppression ${i + 1} (${s.check ?? '?'} in ${s.file ?? '?'})`;
    const problems: string[] = [];
    if (!s.check || !/^[A-Z_]+_CHECK$/.test(s.check)) problems.push(`${label}: "check" is not a check id`);
    if (!s.file) problems.push(`${label}: "file" is missing`);
    if (!s.sample || s.sample.trim().length < 5)
      problems.push(`${label}: "sample" must quote the flagged code`);
    if (!s.reason || s.reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(`${label}: "reason" must say why (at least ${MIN_REASON_LENGTH} characters)`);
    }
    return problems;
  });
}

export interface Verdict {
  /** MEDIUM or above with no matching suppression: each one fails the gate. */
  unsuppressed: Finding[];
  suppressed: Array<{ finding: Finding; suppression: Suppression }>;
  /** Below MEDIUM: reported, never failing. */
  belowThreshold: Finding[];
  /** Suppressions that matched nothing: stale, so they fail the gate too (they would hide a future finding). */
  unused: Suppression[];
}

export function judge(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  threshold: Severity = 'MEDIUM',
): Verdict {
  const verdict: Verdict = { unsuppressed: [], suppressed: [], belowThreshold: [], unused: [] };
  const used = new Set<Suppression>();
  for (const finding of findings) {
    if (!atLeast(finding.severity, threshold)) {
      verdict.belowThreshold.push(finding);
      continue;
    }
    const suppression = suppressions.find((s) => matches(s, finding));
    if (suppression) {
      used.add(suppression);
      verdict.suppressed.push({ finding, suppression });
    } else {
      verdict.unsuppressed.push(finding);
    }
  }
  verdict.unused = suppressions.filter((s) => !used.has(s));
  return verdict;
}

export function describeFinding(finding: Finding): string {
  return `${finding.severity} ${finding.check} in ${finding.file}:${finding.location} — ${finding.description}\n    ${finding.sample}`;
}
