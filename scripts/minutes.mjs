// Entry of `npm run minutes -- <backup.moderato.json> <out.pdf>`: loads the
// TypeScript model and PDF renderer with jiti, so the command line prints
// exactly what the app's "Protokoll als PDF speichern" prints.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { runMinutes } = await jiti.import('./minutesCli.ts');
process.exitCode = await runMinutes(process.argv.slice(2), (line) => console.log(line));
