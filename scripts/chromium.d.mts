// Types for scripts/chromium.mjs (plain Node, so `npm run screenshots` loads it without a build step).
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumLaunchOptions(): { executablePath: string; args: string[] };
