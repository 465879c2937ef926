/**
 * The page-map view's legend and colours: one entry per down-sampled cell code
 * (core/engine/page-map-image.ts), each an Okabe-Ito colour from theme.css with a text label,
 * and the counts the frame carries for it. Pure: no DOM.
 */
import type { FrameField } from '../core/engine/frame';
import { CellValue, type CellValueCode } from '../core/engine/page-map-image';

export interface LegendEntry {
	code: CellValueCode;
	label: string;
	/** What it means for the relocation, for the legend's description. */
	meaning: string;
	/** The theme variable holding its colour. */
	colourVar: string;
}

/** In the order a learner reads a pass: queued, sent, changed since sent, not yet sent, absent. */
export const PAGE_MAP_LEGEND: readonly LegendEntry[] = [
	{
		code: CellValue.InFlight,
		label: 'In this pass',
		meaning: 'queued in the current pass, not sent yet',
		colourVar: '--c-page-inflight'
	},
	{
		code: CellValue.Sent,
		label: 'Sent',
		meaning: 'the destination has the current copy',
		colourVar: '--c-page-sent'
	},
	{
		code: CellValue.Dirty,
		label: 'Changed since sent',
		meaning: 'the guest wrote it after it was sent: it goes again next pass',
		colourVar: '--c-page-dirty'
	},
	{
		code: CellValue.NeverSent,
		label: 'Not sent yet',
		meaning: 'resident, not yet picked by a pass',
		colourVar: '--c-page-never'
	},
	{
		code: CellValue.NotResident,
		label: 'Not resident',
		meaning: 'never touched by the guest: nothing to send',
		colourVar: '--c-page-absent'
	}
];

/** Pages in each legend entry, from a frame's counters (non-resident pages are never sent). */
export function legendCounts(c: Record<FrameField, number>): Record<CellValueCode, number> {
	const absent = Math.max(0, c.pages - c.resident);
	return {
		[CellValue.InFlight]: c.inFlight,
		[CellValue.Sent]: c.sent,
		[CellValue.Dirty]: c.dirty,
		[CellValue.NeverSent]: Math.max(0, c.neverSent - absent),
		[CellValue.NotResident]: absent
	} as Record<CellValueCode, number>;
}

/** The text alternative of a page map: what each colour counts, in words. */
export function pageMapSummary(
	user: string,
	c: Record<FrameField, number>,
	format: (n: number) => string
): string {
	const counts = legendCounts(c);
	const parts = PAGE_MAP_LEGEND.map((e) => `${e.label.toLowerCase()} ${format(counts[e.code])}`);
	return `Page map of ${user}, ${format(c.pages)} pages, pass ${c.currentPass}: ${parts.join(', ')}.`;
}

/** RGBA bytes of each cell code, from CSS colours (any syntax a canvas accepts, read back as hex). */
export function cellPalette(colourOf: (code: CellValueCode) => string): Uint8ClampedArray {
	const out = new Uint8ClampedArray(4 * PAGE_MAP_LEGEND.length);
	for (const e of PAGE_MAP_LEGEND) {
		const hex = /^#([0-9a-f]{6})$/i.exec(colourOf(e.code).trim());
		const v = hex ? parseInt(hex[1]!, 16) : 0x808080;
		out.set([(v >> 16) & 255, (v >> 8) & 255, v & 255, 255], 4 * e.code);
	}
	return out;
}

/** Paints cell codes into RGBA pixels (one pixel a cell); unknown codes are transparent. */
export function paintCells(cells: Uint8Array, palette: Uint8ClampedArray, out: Uint8ClampedArray) {
	for (let i = 0; i < cells.length; i++) {
		const k = 4 * cells[i]!;
		if (k + 3 < palette.length) {
			out[4 * i] = palette[k]!;
			out[4 * i + 1] = palette[k + 1]!;
			out[4 * i + 2] = palette[k + 2]!;
			out[4 * i + 3] = palette[k + 3]!;
		} else out[4 * i + 3] = 0;
	}
}
