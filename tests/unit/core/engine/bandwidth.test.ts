import { describe, expect, it } from 'vitest';
import { constantBandwidth, linkShare, pagesPerMs } from '$lib/core/engine/bandwidth';
import { buildLink } from '$lib/core/model/link';

describe('transfer bandwidth from the ISFC link', () => {
	it('converts decimal MB/s to 4 KiB pages per ms', () => {
		expect(pagesPerMs(4.096)).toBe(1);
		expect(pagesPerMs(1400)).toBeCloseTo(341.796875, 9);
		expect(constantBandwidth(7)(123)).toBe(7);
	});

	it('shares the link capacity among concurrent transfers and other traffic', () => {
		const link = buildLink('A', 'B', 4, 16); // 1,400 MB/s
		expect(linkShare(link)(0)).toBe(1400);
		expect(linkShare(link, 2)(0)).toBe(700);
		expect(linkShare(link, 2, 200)(0)).toBe(600);
		expect(linkShare(link, 1, 5000)(0)).toBe(0);
		const sharers = (t: number) => (t < 1000 ? 1 : 4);
		expect(linkShare(link, sharers)(500)).toBe(1400);
		expect(linkShare(link, sharers)(1500)).toBe(350);
	});

	it('reads the link at each call: failures and a severed link take effect', () => {
		const link = buildLink('A', 'B', 2, 8);
		const bw = linkShare(link);
		expect(bw(0)).toBe(700);
		link.chpids[1]!.ctcs[0]!.failed = true;
		expect(bw(0)).toBe(600);
		link.severed = true;
		expect(bw(0)).toBe(0);
	});
});
