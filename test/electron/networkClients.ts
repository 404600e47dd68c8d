/**
 * Finds code that could talk to the network from the main process or preload:
 * HTTP/socket client modules, fetch and friends, Electron's net module, downloads.
 * Reads the TypeScript syntax tree, so comments and strings do not count and
 * aliases of a module are followed. A local server (the planned LAN voting) may
 * use createServer from node:http, https or net; nothing else of those modules.
 */
import ts from 'typescript';

export interface NetworkUse {
  file: string;
  line: number;
  what: string;
}

/** Modules that only exist to reach other machines. */
const CLIENT_MODULES = new Set([
  'http2',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'undici',
  'axios',
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'electron-fetch',
  'got',
  'ky',
  'request',
  'superagent',
  'needle',
  'ws',
  'socket.io-client',
  'http-proxy-agent',
  'https-proxy-agent',
]);

/** Modules with both server and client parts: only these names may be used. */
const SERVER_MODULES = new Set(['http', 'https', 'net']);
const SERVER_NAMES = new Set([
  'createServer',
  'Server',
  'IncomingMessage',
  'ServerResponse',
  'STATUS_CODES',
  'METHODS',
  'isIP',
  'isIPv4',
  'isIPv6',
]);

/** Electron modules that make requests. */
const ELECTRON_CLIENTS = new Set(['net', 'netLog', 'autoUpdater']);

/** Names that make requests wherever they come from: globals and methods (session.fetch, downloadURL). */
const CLIENT_IDENTIFIERS = new Set([
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'RTCPeerConnection',
  'sendBeacon',
  'downloadURL',
  'resolveProxy',
  'preconnect',
]);

const REMOTE_URL = /^\s*(https?|wss?|ftp):/i;

function moduleName(specifier: string): string {
  return specifier.replace(/^node:/, '');
}

function isInType(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isTypeNode(current) || ts.isTypeAliasDeclaration(current) || ts.isInterfaceDeclaration(current)) {
      return true;
    }
  }
  return false;
}

export function findNetworkUses(file: string, source: string): NetworkUse[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const uses: NetworkUse[] = [];
  const report = (node: ts.Node, what: string) =>
    uses.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  // Local names bound to a whole server module (`import * as http from 'node:http'`) or to electron.
  const serverNamespaces = new Map<string, string>();
  const electronNamespaces = new Set<string>();

  function checkModule(node: ts.Node, specifier: string, clause?: ts.ImportClause): void {
    const name = moduleName(specifier);
    if (CLIENT_MODULES.has(name)) {
      report(node, `imports the network client module "${specifier}"`);
      return;
    }
    if (!clause || clause.isTypeOnly) {
      if (SERVER_MODULES.has(name) && !clause) report(node, `requires "${specifier}" as a whole`);
      return;
    }
    if (SERVER_MODULES.has(name)) {
      if (clause.name) serverNamespaces.set(clause.name.text, specifier);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) serverNamespaces.set(bindings.name.text, specifier);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (!element.isTypeOnly && !SERVER_NAMES.has(imported)) {
            report(element, `imports ${imported} from "${specifier}" (only createServer and server types)`);
          }
        }
      }
    }
    if (name === 'electron') {
      if (clause.name) electronNamespaces.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) electronNamespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (!element.isTypeOnly && ELECTRON_CLIENTS.has(imported)) {
            report(element, `imports Electron's ${imported}`);
          }
        }
      }
    }
  }

  function visit(node: ts.Node): void {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      checkModule(node, node.moduleSpecifier.text, node.importClause);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (CLIENT_MODULES.has(moduleName(node.moduleSpecifier.text))) {
        report(node, `re-exports "${node.moduleSpecifier.text}"`);
      }
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const specifier = node.arguments[0].text;
      const name = moduleName(specifier);
      if (CLIENT_MODULES.has(name) || SERVER_MODULES.has(name)) checkModule(node, specifier);
      if (name === 'electron') report(node, 'requires electron dynamically (use a static import)');
    } else if (ts.isIdentifier(node) && CLIENT_IDENTIFIERS.has(node.text) && !isInType(node)) {
      report(node, `uses ${node.text}`);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'loadURL'
    ) {
      const [first] = node.arguments;
      const text =
        first &&
        (ts.isStringLiteralLike(first) ? first.text : ts.isTemplateExpression(first) ? first.head.text : '');
      if (text && REMOTE_URL.test(text)) report(node, `loads a remote page: ${text}`);
    }

    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const owner = node.expression.text;
      const member = node.name.text;
      const module = serverNamespaces.get(owner);
      if (module && !SERVER_NAMES.has(member)) report(node, `uses ${owner}.${member} of "${module}"`);
      if (electronNamespaces.has(owner) && ELECTRON_CLIENTS.has(member))
        report(node, `uses Electron's ${member}`);
    } else if (
      ts.isIdentifier(node) &&
      serverNamespaces.has(node.text) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) &&
      !ts.isImportClause(node.parent) &&
      !ts.isNamespaceImport(node.parent) &&
      !isInType(node)
    ) {
      report(node, `passes the module "${serverNamespaces.get(node.text)}" around`);
    }
    ts.forEachChild(node, visit);
  }

  visit(sf);
  return uses;
}
