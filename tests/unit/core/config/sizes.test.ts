import { describe, expect, it } from 'vitest';
import { formatSize, parseDuration, parseSize } from '../../../../src/lib/core/config/sizes';

const K = 1024;
const M = K * K;
const G = M * K;

describe('parseSize (z/VM directory storage, 000 Examples 4-8, 5-16)', () => {
	it.each([
		['512M', 512 * M],
		['6G', 6 * G],
		['16G', 16 * G],
		['4096K', 4096 * K],
		['1T', 1024 * G],
		['3900M', 3900 * M],
		['1.5G', 1536 * M],
		['6g', 6 * G],
		[' 64M ', 64 * M]
	])('reads %s', (text, bytes) => {
		expect(parseSize(text)).toEqual({ ok: true, bytes });
	});

	it('rejects a bare number, as a USER statement does: the unit is never guessed', () => {
		const r = parseSize('512');
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.reason).toBe(
				'"512" has no unit: z/VM sizes need a suffix K, M, G or T (a bare number is not accepted)'
			);
	});

	it.each(['6Q', 'G', '', '-1G', '1,5G', '1e3M', '6 G'])(
		'rejects %j with a reason naming it',
		(text) => {
			const r = parseSize(text);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.reason).toContain('is not a z/VM size (use K, M, G or T)');
		}
	);

	it('rejects sizes that are not a whole number of bytes, and absurd sizes', () => {
		expect(parseSize('1.0001K')).toEqual({
			ok: false,
			reason: '"1.0001K" is not a whole number of bytes'
		});
		expect(parseSize('9999999999999999T')).toEqual({
			ok: false,
			reason: '"9999999999999999T" is too large'
		});
	});
});

describe('formatSize', () => {
	it.each([
		[6 * G, '6G'],
		[3900 * M, '3900M'],
		[1536 * M, '1536M'],
		[4096 * K, '4M'],
		[1024 * G, '1T'],
		[1536, '1.5K'],
		[100, '0.09765625K'],
		[0, '0M'],
		[-5, '0M'],
		[Number.NaN, '0M']
	])('formats %d as %s', (bytes, text) => {
		expect(formatSize(bytes)).toBe(text);
	});

	it('round-trips through parseSize', () => {
		for (const n of [1, 1023, 1025, 7 * M + 3, 99 * M, 20 * G, 123456789]) {
			expect(parseSize(formatSize(n))).toEqual({ ok: true, bytes: n });
		}
	});
});

describe('parseDuration', () => {
	it.each([
		['5s', 5000],
		['250ms', 250],
		['2m', 120_000],
		['1h', 3_600_000],
		['1m30s', 90_000],
		['1h2m3s4ms', 3_723_004],
		['1.5s', 1500],
		['10S', 10_000]
	])('reads %s as %d ms', (text, ms) => {
		expect(parseDuration(text)).toEqual({ ok: true, ms });
	});

	it('rejects a bare number: seconds and milliseconds are both plausible', () => {
		expect(parseDuration('5')).toEqual({
			ok: false,
			reason: '"5" has no unit: write it with h, m, s or ms (e.g. 5s or 250ms)'
		});
	});

	it.each([
		['30s1m', 'units must go from largest to smallest'],
		['1s1s', 'units must go from largest to smallest'],
		['0.5ms', 'is not a whole number of milliseconds'],
		['abc', 'is not a duration'],
		['', 'is not a duration'],
		['5 s', 'is not a duration'],
		['5sx', 'is not a duration']
	])('rejects %j (%s)', (text, reason) => {
		const r = parseDuration(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toContain(reason);
	});
});
