// The German texts beyond the first screens (see startTexts.ts), loaded after
// the first screen. In the build, vite.config.ts (localeSplit) replaces this
// module by the picked texts themselves.
import de from './locales/de.json';
import { pickTexts } from './startTexts';

export default pickTexts(de, false);
