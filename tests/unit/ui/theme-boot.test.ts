// The theme choice (theme.ts) and the inline script in src/app.html that applies it before
// first paint: the script is run here, in a sandbox with a fake localStorage and matchMedia,
// against initialTheme for every saved value and system preference, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	followThemeChoice,
	initialTheme,
	readThemeChoice,
	resolveTheme,
	saveThemeChoice,
	THEME_CHOICES,
	THEME_STORAGE_KEY,
	THEMES
} from '../../../src/lib/ui/theme';

const appHtml = readFileSync(
	fileURLToPath(new URL('../../../src/app.html', import.meta.url)),
	'utf8'
);

/** The inline scripts of app.html's <head> (those without a src). */
const bootScripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

/** A Map-backed Storage; `broken` throws on every access, as blocked storage does. */
function fakeStorage(initial: Record<string, string> = {}, broken = false) {
	const map = new Map(Object.entries(initial));
	const guard = () => {
		if (broken) throw new Error('SecurityError: storage is blocked');
	};
	return {
		getItem: (k: string) => (guard(), map.get(k) ?? null),
		setItem: (k: string, v: string) => (guard(), void map.set(k, v)),
		removeItem: (k: string) => (guard(), void map.delete(k)),
		map
	};
}

/** Runs app.html's boot script in a sandbox; returns the data-theme it set. */
function boot(saved: string | null, prefersDark: boolean, broken = false): string | null {
	const attributes = new Map<string, string>();
	const storage = fakeStorage(saved === null ? {} : { [THEME_STORAGE_KEY]: saved }, broken);
	const window = {
		get localStorage() {
			if (broken) throw new Error('SecurityError: storage is blocked');
			return storage;
		},
		matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && prefersDark })
	};
	const document = {
		documentElement: { setAttribute: (k: string, v: string) => void attributes.set(k, v) }
	};
	for (const script of bootScripts) runInNewContext(script, { window, document });
	return attributes.get('data-theme') ?? null;
}

describe("app.html's boot script", () => {
	it('is there, in the head, before the app', () => {
		expect(bootScripts).toHaveLength(1);
		expect(appHtml.indexOf('<script>')).toBeLessThan(appHtml.indexOf('%sveltekit.head%'));
		expect(bootScripts[0]).toContain(`'${THEME_STORAGE_KEY}'`);
	});

	const saved = [null, ...THEMES, 'system', 'sepia', ''];
	for (const value of saved) {
		for (const prefersDark of [false, true]) {
			it(`saved ${JSON.stringify(value)}, system ${prefersDark ? 'dark' : 'light'}: as initialTheme`, () => {
				const storage = fakeStorage(value === null ? {} : { [THEME_STORAGE_KEY]: value });
				expect(boot(value, prefersDark)).toBe(initialTheme(storage, prefersDark));
			});
		}
	}

	it('falls back to the system preference when storage is blocked', () => {
		expect(boot('dark', false, true)).toBe('light');
		expect(boot('light', true, true)).toBe('dark');
		expect(initialTheme(fakeStorage({}, true), true)).toBe('dark');
	});
});

describe('theme choice', () => {
	it('offers "system" and every theme', () => {
		expect(THEME_CHOICES.map((c) => c.value)).toEqual(['system', ...THEMES]);
	});

	it('resolves "system" by the preference and a theme to itself', () => {
		expect(resolveTheme('system', false)).toBe('light');
		expect(resolveTheme('system', true)).toBe('dark');
		for (const t of THEMES) {
			expect(resolveTheme(t, true)).toBe(t);
			expect(resolveTheme(t, false)).toBe(t);
		}
	});

	it('saves a theme, removes the key for "system", and survives blocked storage', () => {
		const s = fakeStorage();
		expect(saveThemeChoice(s, 'projector')).toBe(true);
		expect(s.map.get(THEME_STORAGE_KEY)).toBe('projector');
		expect(readThemeChoice(s)).toBe('projector');
		expect(saveThemeChoice(s, 'system')).toBe(true);
		expect(s.map.has(THEME_STORAGE_KEY)).toBe(false);
		expect(readThemeChoice(s)).toBe('system');
		expect(readThemeChoice(fakeStorage({ [THEME_STORAGE_KEY]: 'neon' }))).toBe('system');
		expect(saveThemeChoice(fakeStorage({}, true), 'dark')).toBe(false);
		expect(readThemeChoice(fakeStorage({}, true))).toBe('system');
		expect(readThemeChoice(null)).toBe('system');
		expect(saveThemeChoice(null, 'dark')).toBe(false);
	});

	it('follows the system while the choice is "system", and stops when told', () => {
		const listeners = new Set<(e: { matches: boolean }) => void>();
		const query = {
			matches: false,
			addEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.add(f),
			removeEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.delete(f)
		};
		const root = { dataset: {} as Record<string, string> };
		const win = {
			matchMedia: () => query,
			document: { documentElement: root }
		} as unknown as Window;
		const change = (matches: boolean) => listeners.forEach((f) => f({ matches }));

		const stop = followThemeChoice('system', win);
		expect(root.dataset.theme).toBe('light');
		change(true);
		expect(root.dataset.theme).toBe('dark');
		stop();
		expect(listeners.size).toBe(0);

		const stopChosen = followThemeChoice('projector', win);
		expect(root.dataset.theme).toBe('projector');
		expect(listeners.size).toBe(0);
		stopChosen();
	});
});
