/**
 * A chart on the page as a standalone SVG file. Pure: it takes strings, not DOM nodes. The
 * page passes `el.outerHTML` and the values of the CSS custom properties the chart uses (from
 * `getComputedStyle(el).getPropertyValue('--name')`), plus, if the chart is styled by class,
 * the CSS text of the rules that apply.
 *
 * `outerHTML` is HTML serialization, not XML: `&nbsp;`, void elements inside `<foreignObject>`,
 * raw `<style>` text, Svelte's `<!---->` markers. The markup is therefore re-tokenized and
 * written out again as well-formed XML: text and attributes re-escaped, numeric references for
 * every named entity, unclosed elements closed and stray end tags dropped. Scripts and `on…`
 * handler attributes are removed (the file may be opened anywhere), and so are comments.
 *
 * `var(--x)` is resolved everywhere (attributes, style attributes, `<style>` text, the extra
 * CSS), because many SVG tools (Inkscape, Illustrator, librsvg) ignore custom properties; a
 * `<style>` block also declares them on the root, for viewers that do support them.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** HTML elements that have no end tag (inside `<foreignObject>`). */
const VOID_ELEMENTS = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr'
]);

/** Named character references an HTML serializer or a hand-written chart may use. */
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	thinsp: '\u2009',
	ensp: '\u2002',
	emsp: '\u2003',
	ndash: '\u2013',
	mdash: '\u2014',
	hellip: '\u2026',
	times: '\u00d7',
	middot: '\u00b7',
	deg: '\u00b0',
	rarr: '\u2192',
	larr: '\u2190',
	copy: '\u00a9'
};

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ATTRIBUTE_NAME = /^(?:(?:xlink|xml|xmlns):)?[A-Za-z_][A-Za-z0-9_.-]*$/;

export interface SvgExportOptions {
	/** Width in CSS px, when the markup's is relative (`100%`) or missing. */
	width?: number;
	/** Height in CSS px, likewise. */
	height?: number;
	/** Extra CSS to inline (the rules that style the chart's classes), `var()`s resolved. */
	css?: string;
	/** A fill painted behind the chart (the page's background, for a PNG), `var()`s resolved. */
	background?: string;
}

type Attr = [name: string, value: string];

type Token =
	| { type: 'text'; text: string }
	| { type: 'start'; name: string; attrs: Attr[]; selfClosing: boolean }
	| { type: 'end'; name: string }
	| { type: 'raw'; name: string; attrs: Attr[]; text: string };

/**
 * A standalone SVG document from an element's markup and the CSS custom properties it uses
 * (keys with or without the leading `--`). Throws an Error when the markup holds no `<svg>`
 * element, or when its size cannot be known (no viewBox, no absolute width and height, and
 * none in `options`).
 */
export function serializeSvg(
	markup: string,
	vars: Readonly<Record<string, string>>,
	options: SvgExportOptions = {}
): string {
	const tokens = tokenize(markup);
	const rootAt = tokens.findIndex(
		(t) => (t.type === 'start' || t.type === 'raw') && t.name.toLowerCase() === 'svg'
	);
	const root = tokens[rootAt];
	if (!root || root.type !== 'start')
		throw new Error('serializeSvg: the markup has no <svg> element');
	const resolve = (text: string) => resolveCssVars(text, vars);

	const attrs = cleanAttrs(root.attrs, resolve).filter(
		([n]) => n !== 'xmlns' && !n.startsWith('xmlns:') && n !== 'width' && n !== 'height'
	);
	const size = svgSize(root.attrs, options);
	if (!size) {
		throw new Error(
			'serializeSvg: the <svg> has no viewBox and no absolute width and height; pass options.width and options.height'
		);
	}
	const viewBox = attrs.find(([n]) => n === 'viewBox');
	if (!viewBox) attrs.push(['viewBox', `0 0 ${size.width} ${size.height}`]);
	const usesXlink = tokens.some(
		(t) => (t.type === 'start' || t.type === 'raw') && t.attrs.some(([n]) => n.startsWith('xlink:'))
	);
	const head: Attr[] = [['xmlns', SVG_NS]];
	if (usesXlink) head.push(['xmlns:xlink', XLINK_NS]);
	head.push(['width', num(size.width)], ['height', num(size.height)]);

	let out = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<svg${writeAttrs([...head, ...attrs])}`;
	if (root.selfClosing) return `${out}/>\n`;
	out += '>';
	let prelude = '';
	const style = styleBlock(vars, options.css === undefined ? '' : resolve(options.css));
	if (style) prelude += `<style>${cdata(style)}</style>`;
	if (options.background !== undefined) {
		// The whole user-space area the viewBox shows (or the viewport, without one).
		const box = parseViewBox(viewBox?.[1] ?? '') ?? { x: 0, y: 0, ...size };
		prelude += `<rect${writeAttrs([
			['x', num(box.x)],
			['y', num(box.y)],
			['width', num(box.width)],
			['height', num(box.height)],
			['fill', resolve(options.background)]
		])}/>`;
	}
	out += writeChildren(tokens, rootAt + 1, resolve, prelude);
	return `${out}</svg>\n`;
}

/**
 * Writes the root's children as XML, from `from` to the root's end tag (or the end), with
 * `prelude` after any leading <title> and <desc> (which assistive technology expects first).
 */
function writeChildren(
	tokens: readonly Token[],
	from: number,
	resolve: (s: string) => string,
	prelude: string
): string {
	/** Open elements below the root; `foreign` marks those inside a <foreignObject>. */
	const open: { name: string; foreign: boolean }[] = [];
	let out = '';
	let pending = prelude;
	for (let i = from; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (pending && open.length === 0) {
			const lead =
				(t.type === 'text' && t.text.trim() === '') ||
				(t.type === 'start' && !t.selfClosing && /^(title|desc)$/.test(t.name));
			if (!lead) {
				out += pending;
				pending = '';
			}
		}
		const inForeign = open.at(-1)?.name === 'foreignObject' || (open.at(-1)?.foreign ?? false);
		if (t.type === 'text') {
			out += escapeText(t.text);
		} else if (t.type === 'raw') {
			if (t.name.toLowerCase() !== 'style') continue; // <script>: dropped
			// An SVG <style> in an HTML page is serialized with its text escaped (`a &gt; b`).
			const css = resolve(decodeEntities(t.text));
			out += `<${t.name}${writeAttrs(cleanAttrs(t.attrs, resolve))}>${cdata(css)}</${t.name}>`;
		} else if (t.type === 'start') {
			if (!ELEMENT_NAME.test(t.name)) continue;
			const attrs = cleanAttrs(t.attrs, resolve);
			if (open.at(-1)?.name === 'foreignObject' && !attrs.some(([n]) => n === 'xmlns')) {
				attrs.unshift(['xmlns', XHTML_NS]);
			}
			const isVoid = inForeign && VOID_ELEMENTS.has(t.name.toLowerCase());
			if (t.selfClosing || isVoid) {
				out += `<${t.name}${writeAttrs(attrs)}/>`;
			} else {
				out += `<${t.name}${writeAttrs(attrs)}>`;
				open.push({ name: t.name, foreign: inForeign });
			}
		} else {
			const at = open.map((o) => o.name).lastIndexOf(t.name);
			if (at >= 0) {
				while (open.length > at) out += `</${open.pop()!.name}>`;
			} else if (t.name.toLowerCase() === 'svg') {
				break; // the root's own end tag: anything after it is not part of the chart
			}
		}
	}
	while (open.length > 0) out += `</${open.pop()!.name}>`;
	return out + pending;
}

/** Attributes as XML allows and a stand-alone file should keep: valid, unique, no scripts. */
function cleanAttrs(attrs: readonly Attr[], resolve: (s: string) => string): Attr[] {
	const out: Attr[] = [];
	for (const [name, value] of attrs) {
		if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name)) continue;
		if (out.some(([n]) => n === name)) continue;
		if (/(^|:)href$/.test(name) && /^\s*javascript:/i.test(value)) continue;
		out.push([name, resolve(value)]);
	}
	return out;
}

function writeAttrs(attrs: readonly Attr[]): string {
	return attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
}

/** The root's declarations of the custom properties, then the extra CSS. */
function styleBlock(vars: Readonly<Record<string, string>>, css: string): string {
	const decls = Object.entries(vars)
		.map(([k, v]) => [k.startsWith('--') ? k : `--${k}`, resolveCssVars(v, vars).trim()] as const)
		.filter(([k, v]) => /^--[A-Za-z0-9_-]+$/.test(k) && v !== '' && !/[{};<]/.test(v))
		.map(([k, v]) => `${k}: ${v};`);
	const parts = [];
	if (decls.length > 0) parts.push(`svg { ${decls.join(' ')} }`);
	if (css.trim() !== '') parts.push(css.trim());
	return parts.join('\n');
}

function cdata(text: string): string {
	return `<![CDATA[${xmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Drops characters XML 1.0 cannot hold (C0 controls other than tab, LF, CR; lone surrogates). */
function xmlChars(text: string): string {
	return text.replace(NOT_XML_CHAR, '');
}

/** Characters outside XML 1.0's `Char` production. */
const NOT_XML_CHAR =
	// eslint-disable-next-line no-control-regex -- the characters XML forbids are control characters
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeText(text: string): string {
	return xmlChars(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeAttr(text: string): string {
	return escapeText(text)
		.replaceAll('"', '&quot;')
		.replaceAll('\t', '&#9;')
		.replaceAll('\n', '&#10;')
		.replaceAll('\r', '&#13;');
}

function num(n: number): string {
	return String(Math.round(n * 1000) / 1000);
}

/** Text with its character references decoded; unknown names stay as written. */
function decodeEntities(text: string): string {
	return text.replace(
		/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g,
		(all, ref: string) => {
			if (ref[0] !== '#') return Object.hasOwn(ENTITIES, ref) ? ENTITIES[ref]! : all;
			const code =
				ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
				? String.fromCodePoint(code)
				: '';
		}
	);
}

/** HTML-ish tokenizer: enough for serialized SVG, forgiving of anything else. */
function tokenize(markup: string): Token[] {
	const tokens: Token[] = [];
	const n = markup.length;
	let i = 0;
	const text = (s: string) => {
		if (s === '') return;
		const last = tokens.at(-1);
		if (last?.type === 'text') last.text += s;
		else tokens.push({ type: 'text', text: s });
	};
	while (i < n) {
		const lt = markup.indexOf('<', i);
		if (lt < 0) {
			text(decodeEntities(markup.slice(i)));
			break;
		}
		text(decodeEntities(markup.slice(i, lt)));
		i = lt;
		if (markup.startsWith('<!--', i)) {
			const end = markup.indexOf('-->', i + 4);
			i = end < 0 ? n : end + 3;
		} else if (markup.startsWith('<![CDATA[', i)) {
			const end = markup.indexOf(']]>', i + 9);
			text(markup.slice(i + 9, end < 0 ? n : end));
			i = end < 0 ? n : end + 3;
		} else if (markup[i + 1] === '!' || markup[i + 1] === '?') {
			const end = markup.indexOf('>', i);
			i = end < 0 ? n : end + 1;
		} else if (markup[i + 1] === '/' && /[A-Za-z]/.test(markup[i + 2] ?? '')) {
			const m = /^<\/([^\s/>]+)[^>]*>?/.exec(markup.slice(i, i + 300));
			tokens.push({ type: 'end', name: m?.[1] ?? '' });
			const end = markup.indexOf('>', i);
			i = end < 0 ? n : end + 1;
		} else if (/[A-Za-z]/.test(markup[i + 1] ?? '')) {
			i = startTag(markup, i, tokens);
		} else {
			text('<');
			i++;
		}
	}
	return tokens;
}

/** Reads a start tag at `i` (and a raw-text element's content); returns the index after it. */
function startTag(markup: string, i: number, tokens: Token[]): number {
	const n = markup.length;
	let j = i + 1;
	while (j < n && !/[\s/>]/.test(markup[j]!)) j++;
	const name = markup.slice(i + 1, j);
	const attrs: Attr[] = [];
	let selfClosing = false;
	for (;;) {
		while (j < n && /\s/.test(markup[j]!)) j++;
		if (j >= n) break;
		if (markup[j] === '>') {
			j++;
			break;
		}
		if (markup[j] === '/') {
			j++;
			if (markup[j] === '>') {
				selfClosing = true;
				j++;
				break;
			}
			continue;
		}
		let k = j;
		while (k < n && !/[\s/>=]/.test(markup[k]!)) k++;
		if (k === j) k++; // a lone '=' or quote: skip it
		const attrName = markup.slice(j, k);
		j = k;
		while (j < n && /\s/.test(markup[j]!)) j++;
		let value = '';
		if (markup[j] === '=') {
			j++;
			while (j < n && /\s/.test(markup[j]!)) j++;
			const q = markup[j];
			if (q === '"' || q === "'") {
				const end = markup.indexOf(q, j + 1);
				value = markup.slice(j + 1, end < 0 ? n : end);
				j = end < 0 ? n : end + 1;
			} else {
				let e = j;
				while (e < n && !/[\s>]/.test(markup[e]!)) e++;
				value = markup.slice(j, e);
				j = e;
			}
		}
		attrs.push([attrName, decodeEntities(value)]);
	}
	const lower = name.toLowerCase();
	if ((lower === 'style' || lower === 'script') && !selfClosing) {
		const close = markup.toLowerCase().indexOf(`</${lower}`, j);
		const body = markup.slice(j, close < 0 ? n : close);
		tokens.push({ type: 'raw', name, attrs, text: body });
		if (close < 0) return n;
		const end = markup.indexOf('>', close);
		return end < 0 ? n : end + 1;
	}
	tokens.push({ type: 'start', name, attrs, selfClosing });
	return j;
}

/**
 * Replaces `var(--name)` and `var(--name, fallback)` with the value in `vars` (keys with or
 * without `--`), else the fallback; a `var()` with neither is left as written. Values may use
 * other variables, to a depth of 8 (a cycle stops there).
 */
export function resolveCssVars(
	text: string,
	vars: Readonly<Record<string, string>>,
	depth = 0
): string {
	if (depth > 8 || !text.includes('var(')) return text;
	let out = '';
	let i = 0;
	for (;;) {
		const at = text.indexOf('var(', i);
		if (at < 0) return out + text.slice(i);
		// Not the end of another word (`somevar(`).
		if (at > 0 && /[A-Za-z0-9_-]/.test(text[at - 1]!)) {
			out += text.slice(i, at + 4);
			i = at + 4;
			continue;
		}
		let level = 1;
		let comma = -1;
		let j = at + 4;
		for (; j < text.length && level > 0; j++) {
			const ch = text[j];
			if (ch === '(') level++;
			else if (ch === ')') level--;
			else if (ch === ',' && level === 1 && comma < 0) comma = j;
		}
		if (level > 0) return out + text.slice(i); // unbalanced: leave the rest as written
		const close = j - 1;
		const name = text.slice(at + 4, comma < 0 ? close : comma).trim();
		const fallback = comma < 0 ? undefined : text.slice(comma + 1, close).trim();
		const key = name.replace(/^--/, '');
		const value = Object.hasOwn(vars, name)
			? vars[name]
			: Object.hasOwn(vars, key)
				? vars[key]
				: undefined;
		out += text.slice(i, at);
		if (value !== undefined && value.trim() !== '')
			out += resolveCssVars(value.trim(), vars, depth + 1);
		else if (fallback !== undefined) out += resolveCssVars(fallback, vars, depth + 1);
		else out += text.slice(at, j);
		i = j;
	}
}

/** A viewBox's origin and size, or null when it is not four numbers with a positive size. */
export function parseViewBox(
	viewBox: string
): { x: number; y: number; width: number; height: number } | null {
	const parts = viewBox
		.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
	const [x, y, width, height] = parts as [number, number, number, number];
	return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** A length attribute in px (`640`, `640px`, `64.5`), or null for relative or other units. */
function absoluteLength(v: string | undefined): number | null {
	if (v === undefined) return null;
	const m = /^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px)?\s*$/.exec(v);
	const n = m ? Number(m[1]) : NaN;
	return Number.isFinite(n) && n > 0 ? n : null;
}

function svgSize(
	attrs: readonly Attr[],
	o: SvgExportOptions
): { width: number; height: number } | null {
	const get = (k: string) => attrs.find(([n]) => n === k)?.[1];
	const box = parseViewBox(get('viewBox') ?? '');
	const given = (v: number | undefined) =>
		v !== undefined && Number.isFinite(v) && v > 0 ? v : null;
	const width = given(o.width) ?? absoluteLength(get('width')) ?? box?.width ?? null;
	const height = given(o.height) ?? absoluteLength(get('height')) ?? box?.height ?? null;
	return width !== null && height !== null ? { width, height } : null;
}

/** Browsers refuse canvases much past this on a side (Chromium's limit is 32,767; Safari's area is smaller). */
export const MAX_PNG_SIDE = 8192;

/**
 * Pixel size of a PNG drawn from an SVG with `viewBox` at `scale` (2 for a sharp image on a
 * projector), shrunk to keep both sides within `maxSide`, aspect ratio kept. Null for a bad
 * viewBox or scale.
 */
export function svgToPngSize(
	viewBox: string,
	scale: number,
	maxSide = MAX_PNG_SIDE
): { width: number; height: number } | null {
	const box = parseViewBox(viewBox);
	if (!box || !Number.isFinite(scale) || scale <= 0) return null;
	const fit = Math.min(1, maxSide / (box.width * scale), maxSide / (box.height * scale));
	return {
		width: Math.max(1, Math.round(box.width * scale * fit)),
		height: Math.max(1, Math.round(box.height * scale * fit))
	};
}
