// The German texts the app starts with. In the build, vite.config.ts
// (localeSplit) replaces this module by only the texts the first screens use
// (startTexts.ts), so the rest of de.json stays out of the start bundle
// and loads after the first screen (deRest.ts). Unbundled (the unit tests),
// it is all of de.json.
import de from './locales/de.json';

export default de as Record<string, unknown>;
