import { z } from 'zod';

// zod's fast path compiles validators with `new Function`, which the app's CSP
// (no unsafe-eval) forbids and reports as a violation. Switch it off before any
// schema is built: every backup module imports z from here.
z.config({ jitless: true });

export { z };
