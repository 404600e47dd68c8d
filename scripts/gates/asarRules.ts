/**
 * What may go into resources/app.asar, as pure functions over its file list, so
 * each rule is tested on its own (test/scripts/asarRules.test.ts) and the package
 * gate (test/gates/package.test.ts) applies them to the real archive.
 */

export interface AsarFile {
  /** POSIX path inside the archive, without a leading slash: "dist-electron/main/main.js". */
  path: string;
  size: number;
}

export interface AsarBudgets {
  /** The whole archive. */
  totalBytes: number;
  /** Everything below node_modules/. */
  nodeModulesBytes: number;
}

export interface AsarExpectations {
  /** package.json "main", relative: "dist-electron/main/main.js". */
  mainEntry: string;
  /** Paths below electron/ of every .ts (not .d.ts) and .json source: "main/ipc.ts". */
  electronSources: readonly string[];
  /** Paths below dist-renderer/ of the current renderer build: "assets/index-abc.js". */
  rendererFiles: readonly string[];
  /** Packages the app needs at run time: the production closure from package-lock.json. */
  runtimePackages: readonly string[];
  /** devDependencies of package.json: none of them may be shipped. */
  devDependencies: readonly string[];
  budgets: AsarBudgets;
}

/** Top-level entries that belong in the archive; anything else got in by a too-wide `files` pattern. */
const TOP_LEVEL = new Set(['package.json', 'dist-electron', 'dist-renderer', 'dist-phone', 'node_modules']);

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;
const TEST_PATH = /(^|\/)(test|tests|__tests__|__mocks__|spec|coverage|test-results)\//;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** The package a node_modules path belongs to: "node_modules/@scope/name/x.js" → "@scope/name". */
export function packageOf(path: string): string | null {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return null;
  const first = parts[at + 1] ?? '';
  if (first.startsWith('@')) return parts[at + 2] ? `${first}/${parts[at + 2]}` : null;
  return first;
}

/** Every runtime package of the app, from a lockfile v2/v3: entries not marked dev. */
export function runtimePackagesFromLock(lock: {
  packages?: Record<string, { dev?: boolean; devOptional?: boolean; link?: boolean }>;
}): string[] {
  const names = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key === '' || entry.dev || entry.devOptional || entry.link) continue;
    const name = packageOf(key);
    if (name) names.add(name);
  }
  return [...names].sort();
}

function compiledName(source: string): string {
  return source.replace(/\.ts$/, '.js');
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`;
}

/** Returns one readable line per problem; an empty list means the archive is fine. */
export function checkAsar(files: readonly AsarFile[], expected: AsarExpectations): string[] {
  const problems: string[] = [];
  const paths = new Set(files.map((file) => file.path));

  for (const file of files) {
    const top = file.path.split('/')[0] ?? '';
    if (!TOP_LEVEL.has(top)) problems.push(`unexpected file outside the app folders: ${file.path}`);
    if (file.path.endsWith('.map')) problems.push(`source map shipped: ${file.path}`);
    if (TYPESCRIPT.test(file.path)) problems.push(`TypeScript shipped: ${file.path}`);
    if (TEST_PATH.test(file.path) || TEST_FILE.test(file.path))
      problems.push(`test file shipped: ${file.path}`);
    if (file.path.split('/').some((segment) => segment.startsWith('.'))) {
      problems.push(`hidden file shipped: ${file.path}`);
    }
  }

  // The entry points the app starts from.
  for (const required of ['package.json', expected.mainEntry, 'dist-electron/preload/preload.js']) {
    if (!paths.has(required)) problems.push(`missing: ${required}`);
  }
  if (!paths.has('dist-renderer/index.html')) problems.push('missing: dist-renderer/index.html');
  // The phone page the LAN voting server serves (electron/main/lan).
  if (!paths.has('dist-phone/index.html')) problems.push('missing: dist-phone/index.html');

  // Main-process code: every source is compiled in, and nothing compiled from a deleted source.
  const expectedElectron = new Set(expected.electronSources.map((s) => `dist-electron/${compiledName(s)}`));
  for (const file of expectedElectron) {
    if (!paths.has(file)) problems.push(`missing compiled main-process file: ${file}`);
  }
  for (const file of paths) {
    if (file.startsWith('dist-electron/') && !expectedElectron.has(file)) {
      problems.push(`stale or unknown main-process file (no source in electron/): ${file}`);
    }
  }

  // The renderer exactly as Vite built it.
  const expectedRenderer = new Set(expected.rendererFiles.map((f) => `dist-renderer/${f}`));
  for (const file of expectedRenderer) {
    if (!paths.has(file) && !file.endsWith('.map')) problems.push(`missing renderer file: ${file}`);
  }
  for (const file of paths) {
    if (file.startsWith('dist-renderer/') && !expectedRenderer.has(file)) {
      problems.push(`renderer file that the build did not produce: ${file}`);
    }
  }

  // Dependencies: only the runtime closure, never a devDependency (renderer libraries are bundled).
  const runtime = new Set(expected.runtimePackages);
  const dev = new Set(expected.devDependencies);
  const shipped = new Set(files.map((file) => packageOf(file.path)).filter((p): p is string => p !== null));
  for (const name of shipped) {
    if (dev.has(name)) problems.push(`devDependency shipped: ${name}`);
    else if (!runtime.has(name)) problems.push(`package shipped that is not a runtime dependency: ${name}`);
  }

  const total = files.reduce((sum, file) => sum + file.size, 0);
  const nodeModules = files
    .filter((file) => file.path.startsWith('node_modules/'))
    .reduce((sum, file) => sum + file.size, 0);
  if (total > expected.budgets.totalBytes) {
    problems.push(
      `app.asar holds ${formatBytes(total)}, over the budget of ${formatBytes(expected.budgets.totalBytes)}`,
    );
  }
  if (nodeModules > expected.budgets.nodeModulesBytes) {
    problems.push(
      `node_modules in app.asar hold ${formatBytes(nodeModules)}, over the budget of ${formatBytes(expected.budgets.nodeModulesBytes)}`,
    );
  }
  return problems;
}

/** Walks the header of an archive (as @electron/asar's getRawHeader returns it) into a flat file list. */
export function filesFromHeader(header: AsarDirectory, prefix = ''): AsarFile[] {
  const files: AsarFile[] = [];
  for (const [name, node] of Object.entries(header.files)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if ('files' in node) files.push(...filesFromHeader(node, path));
    else if ('size' in node) files.push({ path, size: node.size });
  }
  return files;
}

export interface AsarDirectory {
  files: Record<string, AsarDirectory | { size: number } | { link: string }>;
}
