/**
 * The lab's colour themes (theme.css) and the reader's choice among them. The choice is kept in
 * localStorage; "system" follows the browser's prefers-color-scheme (light or dark). The theme
 * in force is the `data-theme` attribute of <html>, set before first paint by the inline script
 * in src/app.html, which repeats `initialTheme` below in plain ES5 (a unit test runs it against
 * this module, so the two cannot drift apart).
 */

/** Every theme theme.css defines: `:root` is light, the others are `:root[data-theme=…]`. */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/** A theme, or "follow the system's light or dark preference". */
export type ThemeChoice = Theme | 'system';

/** What the switcher offers, in its order. */
export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
	{ value: 'system', label: 'Match system' },
	{ value: 'light', label: 'Light' },
	{ value: 'dark', label: 'Dark' },
	{ value: 'projector', label: 'Projector (large, high contrast)' }
];

/** The localStorage key holding the choice (absent: "system"). */
export const THEME_STORAGE_KEY = 'quiesce-theme';

/** The media query whose match makes "system" dark. */
export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isTheme(value: unknown): value is Theme {
	return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The theme a choice comes to, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
	if (choice !== 'system') return choice;
	return prefersDark ? 'dark' : 'light';
}

/**
 * The saved choice, or "system" when there is none, it is not a theme, or storage cannot be
 * read (blocked cookies and some sandboxed embeds make localStorage throw).
 */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | null | undefined): ThemeChoice {
	try {
		const saved = storage?.getItem(THEME_STORAGE_KEY);
		return isTheme(saved) ? saved : 'system';
	} catch {
		return 'system';
	}
}

/** Saves a choice ("system" removes the key). Returns false when storage refused it. */
export function saveThemeChoice(
	storage: Pick<Storage, 'setItem' | 'removeItem'> | null | undefined,
	choice: ThemeChoice
): boolean {
	if (!storage) return false;
	try {
		if (choice === 'system') storage.removeItem(THEME_STORAGE_KEY);
		else storage.setItem(THEME_STORAGE_KEY, choice);
		return true;
	} catch {
		return false;
	}
}

/** The theme to paint first: the saved one, else the system's light or dark. */
export function initialTheme(
	storage: Pick<Storage, 'getItem'> | null | undefined,
	prefersDark: boolean
): Theme {
	return resolveTheme(readThemeChoice(storage), prefersDark);
}

/** localStorage, or null where touching it throws. */
export function browserStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** Puts a theme in force on the document. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
	if (root.dataset.theme !== theme) root.dataset.theme = theme;
}

/**
 * Applies a choice and, while it is "system", follows the system's changes of preference.
 * Returns the function that stops following.
 */
export function followThemeChoice(choice: ThemeChoice, win: Window = window): () => void {
	const query = typeof win.matchMedia === 'function' ? win.matchMedia(DARK_QUERY) : null;
	applyTheme(resolveTheme(choice, query?.matches ?? false), win.document.documentElement);
	if (choice !== 'system' || !query) return () => {};
	const onchange = (e: MediaQueryListEvent) =>
		applyTheme(resolveTheme('system', e.matches), win.document.documentElement);
	query.addEventListener('change', onchange);
	return () => query.removeEventListener('change', onchange);
}
