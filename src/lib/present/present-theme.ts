/**
 * The theme of the presenter pages (/present): projector unless the reader chose another one
 * there. The choice is kept under its own key, so choosing a theme for a talk leaves the rest of
 * the site's choice (`quiesce-theme`, ui/theme.ts) alone, and the site's choice does not turn
 * the projector theme off in presenter mode. Unlike the site's, an explicit "Match system" is
 * saved too (absent means projector).
 */
import { isTheme, type ThemeChoice } from '../ui/theme';

export const PRESENT_THEME_KEY = 'quiesce-present-theme';

/** What the presenter pages use when nothing was chosen there. */
export const PRESENT_DEFAULT_THEME: ThemeChoice = 'projector';

/** The choice saved for presenter mode, or projector (none saved, bad value, storage blocked). */
export function readPresentTheme(
	storage: Pick<Storage, 'getItem'> | null | undefined
): ThemeChoice {
	try {
		const saved = storage?.getItem(PRESENT_THEME_KEY);
		return saved === 'system' || isTheme(saved) ? saved : PRESENT_DEFAULT_THEME;
	} catch {
		return PRESENT_DEFAULT_THEME;
	}
}

/** Saves the presenter pages' choice. False when storage refused it. */
export function savePresentTheme(
	storage: Pick<Storage, 'setItem'> | null | undefined,
	choice: ThemeChoice
): boolean {
	if (!storage) return false;
	try {
		storage.setItem(PRESENT_THEME_KEY, choice);
		return true;
	} catch {
		return false;
	}
}

/**
 * The script that puts the presenter theme in force before first paint on a prerendered
 * presenter page (it runs after app.html's, which applied the site's): the same rule as
 * {@link readPresentTheme} in ES5, checked against it by a unit test.
 */
export const PRESENT_THEME_BOOT = `(function () {
	var t = null;
	try {
		t = window.localStorage.getItem('${PRESENT_THEME_KEY}');
	} catch (e) {
		t = null;
	}
	if (t !== 'system' && t !== 'light' && t !== 'dark' && t !== 'projector') t = 'projector';
	if (t === 'system') {
		var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
		t = dark ? 'dark' : 'light';
	}
	document.documentElement.setAttribute('data-theme', t);
})();`;
