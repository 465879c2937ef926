// Every colour pair the lab's components draw, in every theme of theme.css, against WCAG 2.1 AA:
// 4.5:1 for text (1.4.3) and 3:1 for the graphics a reader needs (1.4.11): the focus ring,
// control boundaries, state colours against the backgrounds they sit on, and the marks inside
// the state glyphs. The variables are read from theme.css itself, so a changed colour is
// checked as soon as it is written.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { THEMES, type Theme } from '../../../src/lib/ui/theme';

const css = readFileSync(
	fileURLToPath(new URL('../../../src/lib/ui/theme.css', import.meta.url)),
	'utf8'
).replace(/\/\*[\s\S]*?\*\//g, '');

/** The custom properties declared in the blocks whose selector is exactly `selector`. */
function declarations(selector: string): Record<string, string> {
	const out: Record<string, string> = {};
	const block = /([^{}]+)\{([^{}]*)\}/g;
	for (let m = block.exec(css); m; m = block.exec(css)) {
		if (m[1]!.trim() !== selector) continue;
		for (const d of m[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]!] = d[2]!.trim();
	}
	return out;
}

/** A theme's variables: the light `:root` with the theme's own block over it. */
function themeVars(theme: Theme): Record<string, string> {
	const root = declarations(':root');
	return theme === 'light' ? root : { ...root, ...declarations(`:root[data-theme='${theme}']`) };
}

/** A variable's value with every var() resolved, lower-cased. */
function resolve(vars: Record<string, string>, name: string, seen: string[] = []): string {
	if (seen.includes(name)) throw new Error(`var() cycle: ${[...seen, name].join(' → ')}`);
	const value = vars[name];
	if (value === undefined) throw new Error(`${name} is not defined`);
	return value
		.replace(/var\(\s*(--[\w-]+)\s*(?:,[^)]*)?\)/g, (_, ref: string) =>
			resolve(vars, ref, [...seen, name])
		)
		.toLowerCase();
}

type Rgb = [number, number, number];

function hex(value: string): Rgb {
	const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
	if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${value}`);
	const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG 2.1 relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
function contrast(a: Rgb, b: Rgb): number {
	const [x, y] = [luminance(a), luminance(b)];
	return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** `tint` at `alpha` painted over `base` (the banner's and the phase strip's patterns). */
function over(base: Rgb, tint: Rgb, alpha: number): Rgb {
	return base.map((c, i) => Math.round(tint[i]! * alpha + c * (1 - alpha))) as Rgb;
}

/** A colour named by a theme variable (`--fg`) or written out (`#ffffff`). */
type Colour = string;
/** A background: a colour, or a colour with a translucent pattern over it. */
type Background = Colour | { base: Colour; tint: Rgb; alpha: number; name: string };

interface Pair {
	what: string;
	fg: Colour[];
	bg: Background[];
	min: 4.5 | 3;
}

const TEXT = 4.5;
const GRAPHIC = 3;
/** The translucent patterns of ClusterBanner (Influx dots, Safe stripes) and the phase strip. */
const INFLUX_DOTS = {
	base: '--surface',
	tint: [230, 159, 0] as Rgb,
	alpha: 0.18,
	name: 'Influx dots'
};
const SAFE_STRIPES = {
	base: '--surface',
	tint: [213, 94, 0] as Rgb,
	alpha: 0.1,
	name: 'Safe stripes'
};
const QUIESCED_HATCH = {
	base: '--surface',
	tint: [230, 159, 0] as Rgb,
	alpha: 0.16,
	name: 'quiesced hatch'
};
/** Where panels, cards and controls sit. */
const BACKGROUNDS = ['--bg', '--surface', '--surface-2', '--c-cec'];
const STATE_COLOURS = [
	'--c-joined',
	'--c-joining',
	'--c-leaving',
	'--c-suspended',
	'--c-down',
	'--c-isolated',
	'--c-unknown',
	'--c-unreachable',
	'--c-stable',
	'--c-influx',
	'--c-safe',
	'--c-link-up',
	'--c-link-degraded',
	'--c-link-down',
	'--c-reloc-running',
	'--c-reloc-quiesced',
	'--c-reloc-relocated',
	'--c-reloc-failed'
];

const PAIRS: Pair[] = [
	{
		what: 'body text, headings and muted text on every background',
		fg: ['--fg', '--fg-muted'],
		bg: [...BACKGROUNDS, '--danger-bg'],
		min: TEXT
	},
	{
		what: 'text over the Influx and Safe banners and the quiesced phases',
		fg: ['--fg', '--fg-muted'],
		bg: [INFLUX_DOTS, SAFE_STRIPES, QUIESCED_HATCH],
		min: TEXT
	},
	{
		what: 'danger buttons, alerts, a failed CTC mark',
		fg: ['--danger'],
		bg: ['--bg', '--surface', '--surface-2', '--danger-bg'],
		min: TEXT
	},
	{ what: 'primary buttons', fg: ['--accent-fg'], bg: ['--accent', '--accent-hover'], min: TEXT },
	{
		what: 'console text',
		fg: ['--console-fg', '--console-input', '--console-error'],
		bg: ['--console-bg'],
		min: TEXT
	},
	{ what: 'the PDR cylinder label (topology)', fg: ['--fg'], bg: ['--c-pdr-fill'], min: TEXT },
	{
		what: 'event-log marks and the working-CTC tick (text symbols)',
		fg: ['--c-mark-state', '--c-mark-mode', '--c-mark-fault', '--c-ok'],
		bg: ['--surface'],
		min: TEXT
	},
	{ what: 'the focus ring', fg: ['--focus'], bg: BACKGROUNDS, min: GRAPHIC },
	{
		what: 'boundaries of buttons and fields',
		fg: ['--border-strong'],
		bg: ['--bg', '--surface', '--surface-2'],
		min: GRAPHIC
	},
	{ what: 'primary buttons against the page', fg: ['--accent'], bg: BACKGROUNDS, min: GRAPHIC },
	{
		what: 'state, link and relocation colours (bands, borders, arcs, glyphs)',
		fg: STATE_COLOURS,
		bg: BACKGROUNDS,
		min: GRAPHIC
	},
	{
		what: 'the PDR cylinder outline',
		fg: ['--c-pdr'],
		bg: ['--surface', '--c-pdr-fill'],
		min: GRAPHIC
	},
	// StateGlyph.svelte draws its inner marks in fixed colours on the state colour.
	{
		what: "the white tick of Stable and '!' of Safe",
		fg: ['#ffffff'],
		bg: ['--c-stable', '--c-safe'],
		min: GRAPHIC
	},
	{
		what: "the dark arrows of Influx and '?' of Unknown",
		fg: ['#1b1b1b'],
		bg: ['--c-influx', '--c-unknown'],
		min: GRAPHIC
	}
];

function colourOf(vars: Record<string, string>, c: Colour): Rgb {
	return hex(c.startsWith('--') ? resolve(vars, c) : c);
}

function backgroundOf(vars: Record<string, string>, b: Background): { name: string; rgb: Rgb } {
	if (typeof b === 'string') return { name: b, rgb: colourOf(vars, b) };
	return {
		name: `${b.base} under ${b.name}`,
		rgb: over(colourOf(vars, b.base), b.tint, b.alpha)
	};
}

describe('the WCAG contrast formula', () => {
	it('gives the known ratios', () => {
		expect(contrast(hex('#000'), hex('#fff'))).toBeCloseTo(21, 5);
		expect(contrast(hex('#fff'), hex('#fff'))).toBe(1);
		// #767676 is the lightest grey with 4.5:1 on white.
		expect(contrast(hex('#767676'), hex('#ffffff'))).toBeCloseTo(4.54, 2);
		expect(contrast(hex('#0072b2'), hex('#ffffff'))).toBeCloseTo(5.19, 2);
	});
});

describe('theme.css', () => {
	it('defines a block for each theme but light, which is :root itself', () => {
		for (const theme of THEMES.filter((t) => t !== 'light')) {
			expect(Object.keys(declarations(`:root[data-theme='${theme}']`)).length).toBeGreaterThan(10);
		}
	});

	for (const theme of THEMES) {
		describe(`${theme} theme`, () => {
			const vars = themeVars(theme);
			for (const pair of PAIRS) {
				it(`${pair.what}: ${pair.min}:1`, () => {
					const failures: string[] = [];
					for (const f of pair.fg) {
						for (const b of pair.bg) {
							const bg = backgroundOf(vars, b);
							const ratio = contrast(colourOf(vars, f), bg.rgb);
							if (ratio < pair.min) failures.push(`${f} on ${bg.name}: ${ratio.toFixed(2)}:1`);
						}
					}
					expect(failures).toEqual([]);
				});
			}
		});
	}

	it('keeps the exact Okabe-Ito colours for the page map in every theme', () => {
		// The cells abut each other rather than a background; the legend names each colour and
		// counts its pages in text, and the canvas's name says the same in words.
		const exact: Record<string, string> = {
			'--c-page-inflight': '#56b4e9',
			'--c-page-sent': '#0072b2',
			'--c-page-dirty': '#d55e00',
			'--c-page-never': '#f0e442'
		};
		for (const theme of THEMES) {
			const vars = themeVars(theme);
			for (const [name, value] of Object.entries(exact)) expect(resolve(vars, name)).toBe(value);
		}
	});

	it('makes projector type larger and its lines, strokes and focus ring thicker', () => {
		const light = themeVars('light');
		const projector = themeVars('projector');
		const px = (v: string) => parseFloat(v);
		expect(px(projector['--focus-width']!)).toBeGreaterThan(px(light['--focus-width']!));
		expect(px(projector['--line-width']!)).toBeGreaterThan(px(light['--line-width']!));
		expect(Number(projector['--stroke-scale'])).toBeGreaterThan(Number(light['--stroke-scale']));
		const size = (selector: string) =>
			Number(
				new RegExp(
					`${selector.replace(/[[\]']/g, '\\$&')}\\s*\\{[^}]*font-size:\\s*([\\d.]+)%`
				).exec(css)?.[1]
			);
		const ratio = size(":root[data-theme='projector']") / size('html');
		expect(ratio).toBeGreaterThanOrEqual(1.25);
		expect(ratio).toBeLessThanOrEqual(1.4);
	});
});
