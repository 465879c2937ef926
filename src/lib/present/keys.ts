/**
 * The presenter's keys, as a presentation clicker sends them: Space, Right, PageDown and N for
 * next; Left, PageUp and P for back; B or `.` to blank the screen; F for full screen; 1-9 for
 * speed; R to restart the step; `?` for help. Keys with Ctrl, Alt or Meta are the browser's, and
 * keys typed into a text field are the field's.
 */

export type PresenterAction =
	| { kind: 'next' }
	| { kind: 'back' }
	| { kind: 'blank' }
	| { kind: 'fullscreen' }
	| { kind: 'restart' }
	| { kind: 'help' }
	| { kind: 'escape' }
	| { kind: 'speed'; speed: number };

/** The speed of keys 1 to 9 (SPEEDS[0] is key 1). */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** The help's table: the keys and what they do, in the issue's order. */
export const KEY_HELP: readonly { keys: string; action: string }[] = [
	{
		keys: 'Space, →, Page Down, N',
		action: 'Next: run the step (on a slide that waits), or the next slide'
	},
	{ keys: '←, Page Up, P', action: 'Back: the previous slide, as it ended' },
	{ keys: 'B or .', action: 'Blank the screen; the same key, Escape, next or back shows it again' },
	{ keys: 'F', action: 'Full screen on or off' },
	{
		keys: '1-9',
		action: `Speed until the next slide: ${SPEEDS.map((s, i) => `${i + 1} → ${s}×`).join(', ')}`
	},
	{ keys: 'R', action: 'Restart the step (and run it again if the slide runs by itself)' },
	{ keys: '?', action: 'This help' }
];

/** The action of a key press, or null for keys the presenter leaves alone. */
export function presenterAction(e: {
	key: string;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
}): PresenterAction | null {
	if (e.ctrlKey || e.altKey || e.metaKey) return null;
	switch (e.key) {
		case ' ':
		case 'Spacebar':
		case 'ArrowRight':
		case 'PageDown':
		case 'n':
		case 'N':
			return { kind: 'next' };
		case 'ArrowLeft':
		case 'PageUp':
		case 'p':
		case 'P':
			return { kind: 'back' };
		case 'b':
		case 'B':
		case '.':
			return { kind: 'blank' };
		case 'f':
		case 'F':
			return { kind: 'fullscreen' };
		case 'r':
		case 'R':
			return { kind: 'restart' };
		case '?':
			return { kind: 'help' };
		case 'Escape':
			return { kind: 'escape' };
	}
	if (/^[1-9]$/.test(e.key)) return { kind: 'speed', speed: SPEEDS[Number(e.key) - 1]! };
	return null;
}

/** The shape of an element {@link ownsKey} looks at (a DOM Element satisfies it). */
export interface KeyTarget {
	tagName: string;
	isContentEditable?: boolean;
	getAttribute(name: string): string | null;
}

/** Input types that take typed text (or arrow keys) themselves. */
const NOT_TEXT = new Set([
	'button',
	'submit',
	'reset',
	'checkbox',
	'radio',
	'image',
	'file',
	'color'
]);

/** Whether a text field has focus: an input, textarea, select or contenteditable element. */
export function isTextField(target: KeyTarget | null): boolean {
	if (!target) return false;
	const tag = target.tagName.toLowerCase();
	if (tag === 'textarea' || tag === 'select') return true;
	if (tag === 'input') return !NOT_TEXT.has((target.getAttribute('type') ?? 'text').toLowerCase());
	return target.isContentEditable === true;
}

/**
 * Whether the focused element keeps `key` for itself: any key in a text field, and Space or
 * Enter on a button, link or other control (which it activates, doing what the key would).
 */
export function ownsKey(target: KeyTarget | null, key: string): boolean {
	if (isTextField(target)) return true;
	if (!target || (key !== ' ' && key !== 'Enter')) return false;
	const tag = target.tagName.toLowerCase();
	const role = target.getAttribute('role');
	return (
		tag === 'button' ||
		tag === 'a' ||
		tag === 'summary' ||
		tag === 'input' ||
		role === 'button' ||
		role === 'tab' ||
		role === 'menuitem' ||
		role === 'link'
	);
}
