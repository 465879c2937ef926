// Which Chromium the browser tests launch. Order: CHROMIUM_PATH from the environment, then
// Debian's /usr/bin/chromium, then (returning undefined) a Playwright-managed browser.
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of the Chromium executable to launch, or undefined to let Playwright choose its own. */
export const chromiumPath: string | undefined = candidates.find(
	(p): p is string => typeof p === 'string' && p !== '' && existsSync(p)
);

/** Launch flags that work on a headless CI machine without network. */
export const chromiumArgs = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Playwright launch options for that browser. */
export const launchOptions = { executablePath: chromiumPath, args: chromiumArgs };
