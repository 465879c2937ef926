import { describe, expect, it } from 'vitest';
import {
	deflateRaw,
	fromBase64Url,
	inflateRaw,
	packText,
	toBase64Url,
	unpackText
} from '$lib/state/url-codec';
import { randomSource } from '../helpers';

function randomBytes(rand: () => number, n: number): Uint8Array {
	return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

describe('base64url', () => {
	it('matches Node for every length 0-300 and round-trips', () => {
		const rand = randomSource(11);
		for (let n = 0; n <= 300; n++) {
			const bytes = randomBytes(rand, n);
			const text = toBase64Url(bytes);
			expect(text).toBe(Buffer.from(bytes).toString('base64url'));
			const back = fromBase64Url(text);
			expect(back.ok && Array.from(back.value)).toEqual(Array.from(bytes));
		}
	});

	it.each([
		['abcde', 'length of 5 is impossible'],
		['ab+c', '"+" at character 3'],
		['ab/c', '"/" at character 3'],
		['abc=', '"=" at character 4'],
		['ab c', '" " at character 3'],
		// "AB" has bits after the one byte it spells: a second spelling of "AA"'s byte.
		['AB', 'stray bits']
	])('refuses %j (%s)', (text, reason) => {
		const r = fromBase64Url(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toContain(reason);
	});
});

describe('deflate-raw', () => {
	it('round-trips text, including non-ASCII', async () => {
		const text = 'VMRELOCATE MOVE ITSOLNX1 TO ITSOSSI2 → “quiesced” 🙂'.repeat(20);
		const packed = await packText(text);
		expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(packed.length).toBeLessThan(text.length);
		expect(await unpackText(packed, 1 << 20)).toEqual({ ok: true, value: text });
	});

	it('stops a decompression bomb at the cap', async () => {
		const bomb = await deflateRaw(new Uint8Array(20_000_000));
		expect(bomb.length).toBeLessThan(30_000);
		const r = await inflateRaw(bomb, 100_000);
		expect(r).toEqual({ ok: false, reason: 'decompresses to more than 100000 bytes' });
	});

	it('accepts output of exactly the cap', async () => {
		const r = await inflateRaw(await deflateRaw(new Uint8Array(5000).fill(65)), 5000);
		expect(r.ok && r.value.length).toBe(5000);
	});

	it('reports truncated and corrupt data instead of throwing', async () => {
		const good = await deflateRaw(new TextEncoder().encode('q ssi '.repeat(100)));
		for (const bad of [good.subarray(0, good.length - 2), Uint8Array.from([1, 2, 3, 4, 5, 6])]) {
			const r = await inflateRaw(bad, 1 << 20);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.reason).toMatch(/^not valid compressed data/);
		}
	});

	it('refuses bytes that are not UTF-8', async () => {
		const packed = toBase64Url(await deflateRaw(Uint8Array.from([0x61, 0xff, 0xfe])));
		expect(await unpackText(packed, 100)).toEqual({
			ok: false,
			reason: 'decompresses to bytes that are not UTF-8 text'
		});
	});
});
