// The frame every chart of the lab sits in, in a real browser: a figure named by its caption,
// the "Show table" toggle, and the Export menu: the drawing as a self-contained SVG (the styles
// its CSS gives it inlined, as the theme shows them) and as a PNG twice its size, its data as
// CSV and JSON, each saved through a Blob under a name that says what it holds.
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import type { ChartData } from '../../src/lib/export/chart-data';
import ChartFrame from '../../src/lib/ui/ChartFrame.svelte';

const DRAWING = `<div><svg role="img" aria-label="Two bars" viewBox="0 0 200 100" width="200" height="100"><title>Two bars</title><rect class="test-bar" x="10" y="20" width="60" height="80"/><rect class="test-bar quiet" x="100" y="50" width="60" height="50"/><text class="test-label" x="10" y="15">a &amp; b</text></svg></div>`;

const data = (): ChartData => ({
	chart: 'test',
	title: 'Two bars',
	columns: ['bar', 'height'],
	rows: [
		['a', 80],
		['b, the second', 50]
	],
	figures: { total: 130 }
});

function props(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Two bars',
		exportName: 'two-bars',
		data,
		children: createRawSnippet(() => ({ render: () => DRAWING })),
		tables: createRawSnippet(() => ({
			render: () =>
				'<table><caption>Two bars: heights</caption><tbody><tr><th scope="row">a</th><td>80</td></tr></tbody></table>'
		})),
		...overrides
	};
}

/** What the page saved: each Blob handed to an object URL, and the names of the clicked links. */
let blobs: Blob[] = [];
let names: string[] = [];
const style = document.createElement('style');

beforeEach(() => {
	blobs = [];
	names = [];
	const create = URL.createObjectURL.bind(URL);
	vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
		if (b instanceof Blob) blobs.push(b);
		return create(b);
	});
	// The download itself is the browser's: the test only records that it was asked for.
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
		this: HTMLAnchorElement
	) {
		names.push(this.download);
	});
	style.textContent =
		'.test-bar { fill: var(--accent); stroke: var(--fg); stroke-width: 2px } .test-bar.quiet { opacity: 0.5 } .test-label { font-size: 13px; fill: var(--danger) }';
	document.head.append(style);
});

afterEach(() => {
	vi.restoreAllMocks();
	style.remove();
});

/** The last saved file of a MIME type. */
function saved(type: string): Blob {
	const b = blobs.filter((x) => x.type.startsWith(type)).at(-1);
	if (!b) throw new Error(`nothing of type ${type} was saved (${blobs.map((x) => x.type)})`);
	return b;
}

async function exportAs(label: string) {
	const summary = page.getByText('Export', { exact: true });
	const details = summary.element().closest('details')!;
	if (!details.open) await summary.click();
	const count = names.length;
	await page.getByRole('button', { name: `Download Two bars as ${label}` }).click();
	await expect.poll(() => names.length).toBe(count + 1);
}

describe('ChartFrame', () => {
	it('is a figure named by its caption, with its tables hidden until asked for', async () => {
		render(ChartFrame, props());
		const figure = page.getByRole('figure', { name: 'Two bars' });
		await expect.element(figure).toBeVisible();
		const toggle = page.getByRole('button', { name: 'Show table' });
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
		const tables = document.getElementById(
			(toggle.element() as HTMLElement).getAttribute('aria-controls')!
		)!;
		expect(tables.querySelector('caption')?.textContent).toBe('Two bars: heights');
		expect(tables.getBoundingClientRect().width).toBeLessThanOrEqual(1);
		await toggle.click();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
		await expect.element(page.getByRole('table', { name: 'Two bars: heights' })).toBeVisible();
	});

	it('opens its Export menu from the keyboard and closes it with Escape', async () => {
		render(ChartFrame, props());
		const summary = page.getByText('Export', { exact: true });
		const details = summary.element().closest('details')!;
		expect(details.open).toBe(false);
		(summary.element() as HTMLElement).focus();
		await userEvent.keyboard('{Enter}');
		await expect.poll(() => details.open).toBe(true);
		const svg = page.getByRole('button', { name: 'Download Two bars as SVG image' });
		await expect.element(svg).toBeVisible();
		for (const k of ['PNG image', 'CSV data', 'JSON data'])
			await expect
				.element(page.getByRole('button', { name: `Download Two bars as ${k}` }))
				.toBeVisible();
		(svg.element() as HTMLElement).focus();
		await userEvent.keyboard('{Escape}');
		await expect.poll(() => details.open).toBe(false);
		expect(document.activeElement).toBe(summary.element());
	});

	it('saves the drawing as a self-contained SVG file, styled as the screen shows it', async () => {
		render(ChartFrame, props());
		await exportAs('SVG image');
		expect(names.at(-1)).toBe('quiesce-two-bars.svg');
		const text = await saved('image/svg+xml').text();
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.localName).toBe('svg');
		expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['200', '100']);
		expect(root.getAttribute('viewBox')).toBe('0 0 200 100');
		// No custom properties or class rules needed: the theme's colours are in the file.
		expect(text).not.toMatch(/var\(/);
		const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
		expect(accent).toBe('#0072b2');
		const [bar, quiet] = [...doc.querySelectorAll('rect.test-bar')];
		expect(bar!.getAttribute('style')).toContain('fill: rgb(0, 114, 178)');
		expect(bar!.getAttribute('style')).toContain('stroke-width: 2px');
		// An inherited property is written where it changes, not again on every child.
		expect(quiet!.getAttribute('style')).toContain('opacity: 0.5');
		expect(quiet!.getAttribute('style')).not.toContain('font-family');
		expect(doc.querySelector('text')!.getAttribute('style')).toContain('font-size: 13px');
		expect(doc.querySelector('text')!.textContent).toBe('a & b');
		// On the background it sits on, behind everything else, after the title.
		expect(root.firstElementChild!.localName).toBe('title');
		expect(root.children[1]!.localName).toBe('rect');
		expect(root.children[1]!.getAttribute('fill')).toMatch(/^rgb/);
	});

	it('saves a PNG twice the drawing’s size', async () => {
		render(ChartFrame, props());
		await exportAs('PNG image');
		expect(names.at(-1)).toBe('quiesce-two-bars.png');
		const bytes = new Uint8Array(await saved('image/png').arrayBuffer());
		expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const view = new DataView(bytes.buffer);
		expect(String.fromCharCode(...bytes.slice(12, 16))).toBe('IHDR');
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([400, 200]);
		// It drew the chart: the bar's colour is in the image, not only the background.
		const img = await createImageBitmap(saved('image/png'));
		const canvas = new OffscreenCanvas(img.width, img.height);
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		expect([...ctx.getImageData(80, 120, 1, 1).data.slice(0, 3)]).toEqual([0, 114, 178]);
	});

	it('saves its data as CSV, with a byte-order mark, and as JSON', async () => {
		render(ChartFrame, props());
		await exportAs('CSV data');
		expect(names.at(-1)).toBe('quiesce-two-bars.csv');
		const bytes = new Uint8Array(await saved('text/csv').arrayBuffer());
		// The UTF-8 byte-order mark, for spreadsheets (Blob.text() would drop it).
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toBe('bar,height\r\na,80\r\n"b, the second",50\r\n');
		await exportAs('JSON data');
		expect(names.at(-1)).toBe('quiesce-two-bars.json');
		const json = JSON.parse(await saved('application/json').text());
		expect(json).toEqual({
			format: 'quiesce-chart',
			version: 1,
			chart: 'test',
			title: 'Two bars',
			scenario: null,
			t: null,
			columns: ['bar', 'height'],
			rows: [
				{ bar: 'a', height: 80 },
				{ bar: 'b, the second', height: 50 }
			],
			figures: { total: 130 }
		});
	});

	it('says what went wrong when the chart cannot be saved', async () => {
		render(
			ChartFrame,
			props({ children: createRawSnippet(() => ({ render: () => '<p>no drawing</p>' })) })
		);
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('button', { name: 'Download Two bars as SVG image' }).click();
		await expect
			.element(page.getByText(/^Two bars could not be saved as SVG: the chart has no drawing/))
			.toBeVisible();
		expect(names).toEqual([]);
	});
});
