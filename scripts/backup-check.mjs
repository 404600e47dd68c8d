// Entry of `npm run backup:check -- <file>`: loads the TypeScript checker with
// jiti, so the command line runs exactly the validation code of the app.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { runBackupCheck } = await jiti.import('./backupCheck.ts');
process.exitCode = await runBackupCheck(process.argv.slice(2), (line) => console.log(line));
