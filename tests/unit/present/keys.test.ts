// The presenter's keys (src/lib/present/keys.ts): exactly the list, modifiers left to
// the browser, and keys in a text field left to the field.
import { describe, expect, it } from 'vitest';
import { isTextField, ownsKey, presenterAction, SPEEDS, type KeyTarget } from '$lib/present/keys';

const kind = (key: string, mods: Record<string, boolean> = {}) =>
	presenterAction({ key, ...mods })?.kind ?? null;

function el(tagName: string, attrs: Record<string, string> = {}, editable = false): KeyTarget {
	return { tagName, isContentEditable: editable, getAttribute: (n) => attrs[n] ?? null };
}

describe('presenterAction', () => {
	it('next: Space, Right, PageDown, N', () => {
		for (const k of [' ', 'ArrowRight', 'PageDown', 'n', 'N']) expect(kind(k)).toBe('next');
	});
	it('back: Left, PageUp, P', () => {
		for (const k of ['ArrowLeft', 'PageUp', 'p', 'P']) expect(kind(k)).toBe('back');
	});
	it('blank: B and .; full screen F; restart R; help ?; Escape', () => {
		for (const k of ['b', 'B', '.']) expect(kind(k)).toBe('blank');
		for (const k of ['f', 'F']) expect(kind(k)).toBe('fullscreen');
		for (const k of ['r', 'R']) expect(kind(k)).toBe('restart');
		expect(kind('?')).toBe('help');
		expect(kind('Escape')).toBe('escape');
	});
	it('1-9 are the speeds 1× … 500×, in order', () => {
		expect(SPEEDS).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500]);
		for (let i = 1; i <= 9; i++) {
			expect(presenterAction({ key: String(i) })).toEqual({ kind: 'speed', speed: SPEEDS[i - 1] });
		}
		expect(kind('0')).toBeNull();
	});
	it('leaves other keys and Ctrl, Alt, Meta combinations alone', () => {
		for (const k of ['a', 'Enter', 'Tab', 'ArrowUp', 'Home', 'x']) expect(kind(k)).toBeNull();
		expect(kind('r', { ctrlKey: true })).toBeNull();
		expect(kind('ArrowLeft', { altKey: true })).toBeNull();
		expect(kind('f', { metaKey: true })).toBeNull();
	});
});

describe('text fields keep their keys', () => {
	it('inputs that take text, textarea, select, contenteditable', () => {
		expect(isTextField(el('INPUT'))).toBe(true);
		expect(isTextField(el('input', { type: 'search' }))).toBe(true);
		expect(isTextField(el('TEXTAREA'))).toBe(true);
		expect(isTextField(el('SELECT'))).toBe(true);
		expect(isTextField(el('DIV', {}, true))).toBe(true);
		expect(isTextField(el('input', { type: 'checkbox' }))).toBe(false);
		expect(isTextField(el('BUTTON'))).toBe(false);
		expect(isTextField(null)).toBe(false);
	});
	it('every key in a field; Space and Enter on a control; others to the presenter', () => {
		expect(ownsKey(el('INPUT'), 'n')).toBe(true);
		expect(ownsKey(el('TEXTAREA'), 'ArrowRight')).toBe(true);
		expect(ownsKey(el('BUTTON'), ' ')).toBe(true);
		expect(ownsKey(el('A'), 'Enter')).toBe(true);
		expect(ownsKey(el('DIV', { role: 'button' }), ' ')).toBe(true);
		expect(ownsKey(el('BUTTON'), 'ArrowRight')).toBe(false);
		expect(ownsKey(el('BODY'), ' ')).toBe(false);
		expect(ownsKey(null, 'n')).toBe(false);
	});
});
