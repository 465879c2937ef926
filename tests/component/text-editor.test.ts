// The editor's text with line numbers in a real browser: an error is shown in place (the line
// marked in the gutter with a ✕, the field invalid and described by the message), and its
// "Line, column" button selects the spot; the gutter follows the text as it scrolls.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import TextEditor from '../../src/lib/ui/editor/TextEditor.svelte';
import type { PlacedError } from '../../src/lib/state/draft-errors';

const TEXT =
	'USER LNXSU12 G4D703J0 4G 4G G\nIPL 202\nMACHINE ESA 4\nMDISK 0201 3390 1 1000 LX9A28 MR';

function error(line: number, column: number, message: string): PlacedError {
	return { field: 'directory', label: 'USER DIRECT', kind: 'text', line, column, message };
}

describe('TextEditor', () => {
	it('marks the line of each error and describes the text by its messages', async () => {
		const { container } = await render(TextEditor, {
			id: 'ud',
			path: 'directory',
			label: 'USER DIRECT text',
			value: TEXT,
			errors: [error(3, 9, 'MACHINE mode "ESB" is not ESA, XA, XC or Z')]
		});
		const area = page.getByLabelText('USER DIRECT text');
		await expect.element(area).toHaveAttribute('aria-invalid', 'true');
		await expect
			.element(area)
			.toHaveAccessibleDescription(/MACHINE mode "ESB" is not ESA, XA, XC or Z/);
		const numbers = [...container.querySelectorAll('.lines > span')].map((s) => s.textContent);
		expect(numbers).toEqual(['1', '2', '✕3', '4']);
		expect(container.querySelectorAll('.band')).toHaveLength(1);

		await page.getByRole('button', { name: 'Line 3, column 9' }).click();
		const el = container.querySelector('textarea')!;
		expect(document.activeElement).toBe(el);
		expect(el.value.slice(el.selectionStart, el.selectionEnd)).toBe('ESA 4');
	});

	it('is valid and undescribed without errors, and numbers every line of what is typed', async () => {
		const { container } = await render(TextEditor, {
			id: 'sc',
			path: 'systemConfig',
			label: 'SYSTEM CONFIG text',
			value: '',
			errors: [],
			hint: 'Errors are shown at their line.'
		});
		const area = page.getByLabelText('SYSTEM CONFIG text');
		await expect.element(area).not.toHaveAttribute('aria-invalid');
		await expect.element(area).toHaveAccessibleDescription('Errors are shown at their line.');
		await area.fill(Array.from({ length: 40 }, (_, i) => `/* line ${i + 1} */`).join('\n'));
		await expect.poll(() => container.querySelectorAll('.lines > span').length).toBe(40);
		const el = container.querySelector('textarea')!;
		el.scrollTop = 200;
		el.dispatchEvent(new Event('scroll'));
		await expect
			.poll(() => (container.querySelector('.lines') as HTMLElement).style.transform)
			.toBe(`translateY(-${el.scrollTop}px)`);
		expect(el.scrollTop).toBeGreaterThan(0);
	});

	it('shows notes apart from errors: a ! in the gutter, and "Note, line, column"', async () => {
		const { container } = await render(TextEditor, {
			id: 'ud2',
			path: 'directory',
			label: 'Directory with a note',
			value: TEXT,
			errors: [error(1, 23, 'storage "4X" is not a z/VM size')],
			notes: [{ line: 2, column: 1, message: '"IPL" kept unchecked' }]
		});
		const numbers = [...container.querySelectorAll('.lines > span')].map((s) => s.textContent);
		expect(numbers).toEqual(['✕1', '!2', '3', '4']);
		await expect
			.element(page.getByLabelText('Directory with a note'))
			.toHaveAccessibleDescription(/storage "4X".*"IPL" kept unchecked/);
		await page.getByRole('button', { name: 'Note, line 2, column 1' }).click();
		const el = container.querySelector('textarea')!;
		expect(el.value.slice(el.selectionStart, el.selectionEnd)).toBe('IPL 202');
	});
});
