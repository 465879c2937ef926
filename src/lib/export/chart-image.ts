/**
 * A chart on the page as an image file: SVG, or PNG drawn from that SVG. Browser only (it reads
 * computed styles and draws on a canvas); the markup itself is written by svg.ts.
 *
 * The charts are styled by their components' CSS and the theme's custom properties, which a
 * file opened elsewhere does not have. So each element of a copy of the chart gets, as a style
 * attribute, the presentation properties its CSS gives it on screen, resolved in the theme in
 * force (`getComputedStyle`): an inherited property only where it differs from its parent's,
 * to keep the file small. The file, and the PNG drawn from it, look like the screen.
 */
import { parseViewBox, serializeSvg, svgToPngSize } from './svg';

/** Inherited SVG and text properties the charts' CSS sets. */
const INHERITED = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-dashoffset',
	'stroke-linecap',
	'stroke-linejoin',
	'paint-order',
	'font-family',
	'font-size',
	'font-style',
	'font-weight',
	'letter-spacing',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

/** Elements whose styles draw nothing. */
const NOT_DRAWN = new Set(['title', 'desc', 'metadata', 'script', 'style']);

/** `url("http://host/page#id")` or `url("#id")` as `url(#id)`: the reference within the file. */
function localUrls(value: string): string {
	return value.replace(/url\(\s*(["']?)[^)"']*?#([^)"']+)\1\s*\)/g, 'url(#$2)');
}

/**
 * A copy of `svg` with the computed presentation properties of every element inlined as its
 * style attribute (see the module comment). Its classes stay, for tools that read them.
 */
export function inlineComputedStyles(svg: SVGSVGElement): SVGSVGElement {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const from: Element[] = [svg, ...svg.querySelectorAll('*')];
	const to: Element[] = [copy, ...copy.querySelectorAll('*')];
	const styles = new Map<Element, CSSStyleDeclaration>();
	from.forEach((el, i) => {
		const target = to[i]!;
		if (NOT_DRAWN.has(el.localName)) {
			target.removeAttribute('style');
			return;
		}
		const s = getComputedStyle(el);
		styles.set(el, s);
		const parent = el === svg ? undefined : styles.get(el.parentElement!);
		const decls: string[] = [];
		for (const p of INHERITED) {
			const v = s.getPropertyValue(p);
			if (v && (!parent || parent.getPropertyValue(p) !== v)) decls.push(`${p}: ${localUrls(v)}`);
		}
		const opacity = s.getPropertyValue('opacity');
		if (opacity && opacity !== '1') decls.push(`opacity: ${opacity}`);
		if (s.getPropertyValue('display') === 'none') decls.push('display: none');
		if (decls.length > 0) target.setAttribute('style', decls.join('; '));
		else target.removeAttribute('style');
	});
	return copy;
}

/** The first background colour behind `el` that is not transparent, as the screen shows it. */
export function backgroundBehind(el: Element): string {
	for (let at: Element | null = el; at; at = at.parentElement) {
		const bg = getComputedStyle(at).backgroundColor;
		if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
	}
	return '#ffffff';
}

/**
 * The chart as a standalone SVG file: its styles inlined, on the background it sits on, at its
 * drawn size (the viewBox's; the width and height attributes when it has them).
 */
export function chartSvgText(svg: SVGSVGElement): string {
	return serializeSvg(
		inlineComputedStyles(svg).outerHTML,
		{},
		{ background: backgroundBehind(svg) }
	);
}

/** How many pixels per SVG unit a PNG has: twice, sharp on a projector and a HiDPI screen. */
export const PNG_SCALE = 2;

/**
 * A PNG of an SVG file (chartSvgText's), drawn on a canvas at `scale` pixels per unit of its
 * viewBox (within svg.ts's MAX_PNG_SIDE). Rejects when the browser cannot draw it.
 */
export async function svgTextToPng(svgText: string, scale = PNG_SCALE): Promise<Blob> {
	const viewBox = /<svg[^>]*\sviewBox="([^"]*)"/.exec(svgText)?.[1] ?? '';
	const size = svgToPngSize(viewBox, scale);
	if (!size || !parseViewBox(viewBox)) throw new Error('the SVG has no usable viewBox');
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.width = size.width;
		img.height = size.height;
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('the browser could not draw the SVG'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas to draw on');
		ctx.drawImage(img, 0, 0, size.width, size.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('the canvas could not be saved as PNG'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
