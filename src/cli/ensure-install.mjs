// Installs the project's dependencies when they are missing or older than the lock file,
// so that `npm start` and `npm test` each work on a fresh clone. Browsers are never
// downloaded: the e2e tests use the system Chromium (see tests/playwright.config.ts).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');

const stale =
	!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);

if (stale) {
	const command = existsSync(lock) ? 'npm ci' : 'npm install';
	console.error(`[quiesce] installing dependencies (${command})…`);
	execSync(`${command} --no-audit --no-fund`, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
	});
}
