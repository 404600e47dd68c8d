// `npm run demo`: writes the demo workshop (scripts/demo/buildDemo.ts) as a
// backup file to assets/demo/, through the app's own export code (via jiti),
// on an in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const { buildDemoChanges } = await jiti.import('./demo/buildDemo.ts');
const { ModeratoDb } = await jiti.import('../renderer/src/persistence/db.ts');
const { applyChanges } = await jiti.import('../renderer/src/persistence/repository.ts');
const { createBackup } = await jiti.import('../renderer/src/persistence/backup/exportBackup.ts');
const { serializeBackup } = await jiti.import('../renderer/src/persistence/backup/format.ts');

const { workshop, changes } = buildDemoChanges();
const db = new ModeratoDb('moderato-demo');
await applyChanges(db, changes);
const document = await createBackup(db, {
  workshopId: workshop.id,
  appVersion: version,
  now: new Date(workshop.createdAt),
});
const out = new URL('assets/demo/ki-strategie-demo.moderato.json', root);
mkdirSync(new URL('assets/demo/', root), { recursive: true });
writeFileSync(out, serializeBackup(document));
console.log(
  `Demo-Workshop geschrieben: ${out.pathname} (${Object.values(document.tables).flat().length} Zeilen)`,
);
