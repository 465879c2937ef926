/**
 * Takes the reader to a field of the editor: opens the <details> it is in, scrolls it into
 * view and focuses it (a group's first control); in a text, selects the line and column given.
 */
export function focusField(id: string, line?: number, column?: number): boolean {
	const el = document.getElementById(id);
	if (!el) return false;
	for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
		d.open = true;
	let target: HTMLElement = el;
	if (!el.matches('input, select, textarea, button')) {
		const inner = el.querySelector<HTMLElement>('input, select, textarea, button');
		if (inner) target = inner;
		else if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
	}
	target.focus({ preventScroll: true });
	target.scrollIntoView({ block: 'center' });
	if (target instanceof HTMLTextAreaElement && line !== undefined)
		selectAt(target, line, column ?? 1);
	return true;
}

/** Selects from `column` of `line` to the end of that line, and scrolls it into the middle. */
export function selectAt(area: HTMLTextAreaElement, line: number, column: number): void {
	const lines = area.value.split('\n');
	let start = 0;
	for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i]!.length + 1;
	const text = lines[Math.min(line, lines.length) - 1] ?? '';
	const from = start + Math.min(Math.max(column - 1, 0), text.length);
	const to = start + text.length;
	area.focus({ preventScroll: true });
	area.setSelectionRange(from, to === from ? from : to);
	const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
	area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
}

/** After a removal, the focus goes to the Undo button that replaced what had it. */
export const UNDO_REMOVE_ID = 'undo-remove';
