import { describe, expect, it } from 'vitest';
import {
	CHPID_MBPS,
	CTC_MBPS,
	buildLink,
	findLink,
	linkCapacityMBps,
	linkFromDevices,
	linkUp,
	workingCtcs,
	writableCtcs
} from '$lib/core/model/link';

describe('ISFC logical links', () => {
	it('spreads CTCs over CHPIDs with 001 device numbers (6000-6003, 6020-6023, ...)', () => {
		const l = buildLink('A', 'B', 4, 16);
		expect(l.chpids.map((c) => c.ctcs.length)).toEqual([4, 4, 4, 4]);
		expect(l.chpids[1]!.ctcs.map((c) => c.rdevA)).toEqual(['6020', '6021', '6022', '6023']);
		expect(workingCtcs(l)).toBe(16);
	});

	it('avoids write collisions: N-1 of 2-8 CTCs, N-2 of 9-16 (MODEL-NOTES, ISFC)', () => {
		expect(writableCtcs(1)).toBe(1);
		expect(writableCtcs(2)).toBe(1);
		expect(writableCtcs(8)).toBe(7);
		expect(writableCtcs(9)).toBe(7);
		expect(writableCtcs(16)).toBe(14);
	});

	it('a four-CHPID link carries more than a one-CHPID link (001: more chpids, faster relocation)', () => {
		const one = linkCapacityMBps(buildLink('A', 'B', 1, 4));
		const four = linkCapacityMBps(buildLink('A', 'B', 4, 16));
		expect(one).toBe(3 * CTC_MBPS);
		expect(four).toBeGreaterThan(3 * one);
		expect(four).toBeLessThanOrEqual(4 * CHPID_MBPS);
	});

	it('a failed CTC lowers capacity; a failed CHPID removes its CTCs; a severed link carries nothing', () => {
		const l = buildLink('A', 'B', 2, 8);
		const full = linkCapacityMBps(l);
		l.chpids[0]!.ctcs[0]!.failed = true;
		expect(workingCtcs(l)).toBe(7);
		expect(linkCapacityMBps(l)).toBeLessThan(full);
		l.chpids[1]!.failed = true;
		expect(workingCtcs(l)).toBe(3);
		expect(linkUp(l)).toBe(true);
		l.severed = true;
		expect(linkUp(l)).toBe(false);
		expect(linkCapacityMBps(l)).toBe(0);
	});

	it('the link is down when every CTC has failed', () => {
		const l = buildLink('A', 'B', 1, 2);
		for (const c of l.chpids[0]!.ctcs) c.failed = true;
		expect(linkUp(l)).toBe(false);
	});

	it('builds from explicit devices grouped by CHPID and is found in either order', () => {
		const l = linkFromDevices('ITSOSSI1', 'ITSOSSI2', [
			{ chpid: '4A', a: '4A60', b: '5A50' },
			{ chpid: '5A', a: '5A60', b: '4A50' }
		]);
		expect(l.chpids.map((c) => c.id)).toEqual(['4A', '5A']);
		expect(findLink([l], 'ITSOSSI2', 'ITSOSSI1')).toBe(l);
		expect(findLink([l], 'ITSOSSI2', 'ITSOSSI3')).toBeUndefined();
	});
});
