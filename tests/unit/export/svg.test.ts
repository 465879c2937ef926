import { describe, expect, it } from 'vitest';
import { parseViewBox, resolveCssVars, serializeSvg, svgToPngSize } from '$lib/export/svg';
import { randomSource } from '../helpers';

const NAME = '[A-Za-z_:][A-Za-z0-9_.:-]*';

/**
 * A small XML well-formedness check (no DOMParser in Node): one prolog, one root element,
 * balanced and properly nested tags, quoted and unique attributes, no raw `<` in values or
 * text, `&` only in the five predefined entities or numeric references, comments and CDATA
 * closed, namespace prefixes declared. Returns the problems found (none for a good document).
 */
function xmlProblems(doc: string): string[] {
	const problems: string[] = [];
	let i = 0;
	const prolog = /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n/.exec(doc);
	if (!prolog) problems.push('no XML declaration');
	else i = prolog[0].length;
	const stack: string[] = [];
	let roots = 0;
	const nsDeclared = new Set(['xml']);
	const checkText = (text: string, where: string) => {
		if (text.includes('<')) problems.push(`raw < in ${where}`);
		for (const m of text.matchAll(/&([^;]*);?/g)) {
			if (!/^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);$/.test(m[0]))
				problems.push(`bad reference ${JSON.stringify(m[0].slice(0, 12))} in ${where}`);
		}
		// eslint-disable-next-line no-control-regex -- checking that XML-forbidden characters are absent
		if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text))
			problems.push(`control character in ${where}`);
	};
	while (i < doc.length && problems.length === 0) {
		const lt = doc.indexOf('<', i);
		const text = doc.slice(i, lt < 0 ? doc.length : lt);
		if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root');
		checkText(text, 'text');
		if (lt < 0) break;
		i = lt;
		if (doc.startsWith('<![CDATA[', i)) {
			const end = doc.indexOf(']]>', i);
			if (end < 0) problems.push('unclosed CDATA');
			i = end + 3;
		} else if (doc.startsWith('<!--', i)) {
			const end = doc.indexOf('-->', i);
			if (end < 0 || doc.slice(i + 4, end).includes('--')) problems.push('bad comment');
			i = end + 3;
		} else if (doc[i + 1] === '/') {
			const m = new RegExp(`^</(${NAME})\\s*>`).exec(doc.slice(i));
			if (!m) problems.push(`bad end tag at ${i}`);
			else if (stack.pop() !== m[1]) problems.push(`</${m[1]}> does not close the open element`);
			i += m ? m[0].length : 1;
		} else {
			const m = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`).exec(
				doc.slice(i)
			);
			if (!m) {
				problems.push(`bad start tag at ${i}: ${doc.slice(i, i + 40)}`);
				break;
			}
			const [, name, attrText, selfClose] = m;
			if (stack.length === 0 && ++roots > 1) problems.push('more than one root');
			const names = new Set<string>();
			for (const a of attrText!.matchAll(new RegExp(`(${NAME})\\s*=\\s*"([^"]*)"`, 'g'))) {
				if (names.has(a[1]!)) problems.push(`duplicate attribute ${a[1]}`);
				names.add(a[1]!);
				if (a[1]!.startsWith('xmlns:')) nsDeclared.add(a[1]!.slice(6));
				checkText(a[2]!, `attribute ${a[1]}`);
			}
			for (const n of [name!, ...names]) {
				const prefix = n.includes(':') ? n.split(':')[0]! : null;
				if (prefix && prefix !== 'xmlns' && !nsDeclared.has(prefix))
					problems.push(`undeclared prefix in ${n}`);
			}
			if (!selfClose) stack.push(name!);
			i += m[0].length;
		}
	}
	if (stack.length > 0) problems.push(`unclosed: ${stack.join(' ')}`);
	if (roots !== 1) problems.push(`${roots} roots`);
	return problems;
}

const vars = { '--ok': '#009E73', '--warn': '#F5C710', bg: '#111', '--text': 'var(--ok)' };

/** What `el.outerHTML` of a Svelte-rendered chart looks like in Chromium. */
const chart = [
	'<svg class="topology svelte-1x2y" viewBox="0 0 640 360" width="100%" role="img" aria-label="Cluster">',
	'<!----><title>ITSOSSIA &amp; friends</title>',
	'<style>.m &gt; text { fill: var(--text); }</style>',
	'<g transform="translate(10,20)"><!--[-->',
	'<rect width="50" height="20" fill="var(--ok)" style="stroke: var(--warn, red); stroke-width: 2"></rect>',
	'<text x="5" y="15">ITSOSSI1&nbsp;Joined → 5&lt;6</text>',
	'<!--]--></g>',
	'<foreignObject width="100" height="40"><div class="note">line<br>two</div></foreignObject>',
	'<use href="#a" xlink:href="#a"></use>',
	'</svg>'
].join('');

describe('serializeSvg', () => {
	const out = serializeSvg(chart, vars, {
		css: '.member { fill: var(--warn); }',
		background: 'var(--bg)'
	});

	it('is a well-formed standalone XML document', () => {
		expect(xmlProblems(out)).toEqual([]);
	});

	it('declares the SVG namespace (and xlink when used) and a size', () => {
		expect(out).toMatch(
			/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink" width="640" height="360" class="topology svelte-1x2y" viewBox="0 0 640 360"/
		);
	});

	it('resolves var() in attributes, style attributes, <style> text and the extra CSS', () => {
		expect(out).not.toContain('var(');
		expect(out).toContain('fill="#009E73"');
		expect(out).toContain('style="stroke: #F5C710; stroke-width: 2"');
		expect(out).toContain('.m > text { fill: #009E73; }');
		expect(out).toContain('.member { fill: #F5C710; }');
		expect(out).toContain('<rect x="0" y="0" width="640" height="360" fill="#111"/>');
	});

	it('declares the custom properties on the root, for viewers that read them', () => {
		expect(out).toContain('svg { --ok: #009E73; --warn: #F5C710; --bg: #111; --text: #009E73; }');
	});

	it('turns HTML serialization into XML', () => {
		expect(out).toContain('<title>ITSOSSIA &amp; friends</title>');
		expect(out).toContain('ITSOSSI1\u00a0Joined → 5&lt;6');
		expect(out).toContain(
			'<div xmlns="http://www.w3.org/1999/xhtml" class="note">line<br/>two</div>'
		);
		expect(out).not.toContain('<!--');
	});

	it('keeps a leading <title> first, then the style and the background', () => {
		expect(out).toMatch(/<svg [^>]*><title>[^<]*<\/title><style>/);
		const offset = serializeSvg(
			'<svg viewBox="-5 -5 20 10"><g></g></svg>',
			{},
			{ background: 'white' }
		);
		expect(offset).toContain('<rect x="-5" y="-5" width="20" height="10" fill="white"/><g></g>');
	});

	it('takes the size from options when the markup has none', () => {
		const svg = serializeSvg('<svg><circle r="5"></circle></svg>', {}, { width: 200, height: 100 });
		expect(svg).toContain('width="200" height="100" viewBox="0 0 200 100"');
		expect(xmlProblems(svg)).toEqual([]);
	});

	it('takes the viewBox from an absolute width and height', () => {
		const svg = serializeSvg('<svg width="300px" height="150"/>', {});
		expect(svg).toContain('width="300" height="150" viewBox="0 0 300 150"/>');
		expect(xmlProblems(svg)).toEqual([]);
	});

	it('drops scripts, handlers and javascript: links', () => {
		const svg = serializeSvg(
			'<svg viewBox="0 0 1 1" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect onclick="x()" width="1"></rect></a></svg>',
			{}
		);
		expect(svg).not.toMatch(/alert|onclick|onload|script/);
		expect(xmlProblems(svg)).toEqual([]);
	});

	it('repairs broken markup: unclosed elements, stray end tags, text after the root', () => {
		const svg = serializeSvg(
			'junk<svg viewBox="0 0 2 2"><g><rect></g></text><g>a & b</svg>tail',
			{}
		);
		expect(svg).toContain('<g><rect></rect></g><g>a &amp; b</g></svg>');
		expect(svg).not.toContain('tail');
		expect(xmlProblems(svg)).toEqual([]);
	});

	it('keeps a var() it cannot resolve, and uses a fallback when it has one', () => {
		const svg = serializeSvg(
			'<svg viewBox="0 0 1 1"><rect fill="var(--nope)" stroke="var(--nope, blue)"></rect></svg>',
			{}
		);
		expect(svg).toContain('fill="var(--nope)" stroke="blue"');
	});

	it('refuses markup without an <svg>, or without a size', () => {
		expect(() => serializeSvg('<div></div>', {})).toThrow(/no <svg> element/);
		expect(() => serializeSvg('<svg width="100%"></svg>', {})).toThrow(/no viewBox/);
	});

	it('always writes well-formed XML (fuzz)', () => {
		const rand = randomSource(31);
		const parts = [
			'<g>',
			'</g>',
			'<rect width="1">',
			'</rect>',
			'<br>',
			"<text x='1' y=2>",
			'</text>',
			'a',
			' ',
			'&',
			'&nbsp;',
			'&bogus;',
			'&#0;',
			'&#x1F600;',
			'<',
			'>',
			'"',
			'<!--',
			'-->',
			'<![CDATA[',
			']]>',
			'<style>',
			'</style>',
			'<script>',
			'</script>',
			'<foreignObject>',
			'</foreignObject>',
			'<p>',
			'fill="var(--ok)"',
			'<svg>',
			'</svg>',
			'\u0001',
			'\ud800',
			'<a:b c:d="1">',
			'<x y="1" y="2">',
			'<?pi?>',
			'<!DOCTYPE x>',
			'=',
			"'",
			'/>'
		];
		for (let n = 0; n < 500; n++) {
			let body = '';
			for (let k = Math.floor(rand() * 30); k > 0; k--)
				body += parts[Math.floor(rand() * parts.length)];
			const svg = serializeSvg(`<svg viewBox="0 0 10 10">${body}</svg>`, vars, { css: body });
			expect(xmlProblems(svg), body).toEqual([]);
		}
	});
});

describe('xmlProblems (the checker itself)', () => {
	it.each([
		['<a><b></a></b>', '</a> does not close'],
		['<a x="1" x="2"/>', 'duplicate attribute'],
		['<a>&nbsp;</a>', 'bad reference'],
		['<a x=1/>', 'bad start tag'],
		['<a/><b/>', 'more than one root'],
		['<a>', 'unclosed'],
		['<x:a/>', 'undeclared prefix']
	])('catches %j', (body, problem) => {
		const doc = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${body}`;
		expect(xmlProblems(doc).join('\n')).toContain(problem);
	});
});

describe('resolveCssVars', () => {
	it.each([
		['var(--ok)', '#009E73'],
		['var( --ok )', '#009E73'],
		['1px solid var(--warn)', '1px solid #F5C710'],
		['var(--missing, var(--ok))', '#009E73'],
		['var(--missing, rgb(1, 2, 3))', 'rgb(1, 2, 3)'],
		['var(--text)', '#009E73'],
		['somevar(--ok)', 'somevar(--ok)'],
		['var(--ok', 'var(--ok']
	])('%j → %j', (text, expected) => {
		expect(resolveCssVars(text, vars)).toBe(expected);
	});

	it('stops on a cycle', () => {
		expect(resolveCssVars('var(--a)', { a: 'var(--b)', b: 'var(--a)' })).toMatch(/^var\(--[ab]\)$/);
	});
});

describe('svgToPngSize', () => {
	it('scales a viewBox', () => {
		expect(svgToPngSize('0 0 640 360', 2)).toEqual({ width: 1280, height: 720 });
		expect(svgToPngSize('0,0,100.4,50', 1)).toEqual({ width: 100, height: 50 });
	});

	it('keeps within the largest canvas side, aspect ratio kept', () => {
		expect(svgToPngSize('0 0 8000 2000', 4)).toEqual({ width: 8192, height: 2048 });
		expect(svgToPngSize('0 0 100 100', 3, 200)).toEqual({ width: 200, height: 200 });
	});

	it('gives null for a bad viewBox or scale', () => {
		for (const [box, scale] of [
			['', 1],
			['0 0 0 10', 1],
			['0 0 a 10', 1],
			['0 0 10 10', 0],
			['0 0 10 10', NaN]
		] as const) {
			expect(svgToPngSize(box, scale)).toBeNull();
		}
		expect(parseViewBox('0 0 10')).toBeNull();
	});
});
