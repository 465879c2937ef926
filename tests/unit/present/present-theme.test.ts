// The presenter pages' theme (src/lib/present/present-theme.ts): projector unless chosen there,
// under its own key, and the boot script that applies it before first paint agrees with it.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
	PRESENT_THEME_BOOT,
	PRESENT_THEME_KEY,
	readPresentTheme,
	savePresentTheme
} from '$lib/present/present-theme';
import { resolveTheme, THEME_STORAGE_KEY } from '$lib/ui/theme';

function storage(initial: Record<string, string> = {}, broken = false) {
	const map = new Map(Object.entries(initial));
	const guard = () => {
		if (broken) throw new Error('SecurityError');
	};
	return {
		getItem: (k: string) => (guard(), map.get(k) ?? null),
		setItem: (k: string, v: string) => (guard(), void map.set(k, v)),
		map
	};
}

function boot(saved: string | null, prefersDark: boolean): string | undefined {
	const attrs = new Map<string, string>();
	const s = storage(saved === null ? {} : { [PRESENT_THEME_KEY]: saved });
	runInNewContext(PRESENT_THEME_BOOT, {
		window: { localStorage: s, matchMedia: () => ({ matches: prefersDark }) },
		document: { documentElement: { setAttribute: (k: string, v: string) => attrs.set(k, v) } }
	});
	return attrs.get('data-theme');
}

describe('presenter theme', () => {
	it('is projector when nothing was chosen in presenter mode, whatever the site uses', () => {
		expect(readPresentTheme(storage())).toBe('projector');
		expect(readPresentTheme(storage({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('projector');
		expect(readPresentTheme(storage({ [PRESENT_THEME_KEY]: 'sepia' }))).toBe('projector');
		expect(readPresentTheme(storage({}, true))).toBe('projector');
		expect(readPresentTheme(null)).toBe('projector');
	});

	it('keeps a choice made there, "Match system" included, under its own key', () => {
		for (const c of ['light', 'dark', 'projector', 'system'] as const) {
			const s = storage({ [THEME_STORAGE_KEY]: 'light' });
			expect(savePresentTheme(s, c)).toBe(true);
			expect(readPresentTheme(s)).toBe(c);
			expect(s.map.get(THEME_STORAGE_KEY)).toBe('light');
		}
		expect(savePresentTheme(storage({}, true), 'dark')).toBe(false);
		expect(savePresentTheme(null, 'dark')).toBe(false);
	});

	it('the boot script applies what readPresentTheme reads', () => {
		for (const saved of [null, 'light', 'dark', 'projector', 'system', 'bogus']) {
			for (const dark of [false, true]) {
				const choice = readPresentTheme(
					storage(saved === null ? {} : { [PRESENT_THEME_KEY]: saved })
				);
				expect(boot(saved, dark), `${saved} ${dark}`).toBe(resolveTheme(choice, dark));
			}
		}
	});
});
