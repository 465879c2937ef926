import { describe, expect, it } from 'vitest';
import { MAX_POOLED_BYTES, pooledBytes } from '$lib/core/engine/array-pool';
import { CellValue } from '$lib/core/engine/page-map-image';
import { MAX_PAGES, PageMap, PageState } from '$lib/core/engine/page-map';
import { createPrecopy } from '$lib/core/engine/precopy';
import { constantBandwidth } from '$lib/core/engine/bandwidth';
import { zvmPolicy } from '$lib/core/engine/policy-zvm';

const GiB_PAGES = 2 ** 30 / 4096;

/** Every page's state, read one at a time (the slow reference the packed operations must match). */
function states(m: PageMap): number[] {
	return Array.from({ length: m.pages }, (_, p) => m.stateOf(p));
}

function expectCountsConsistent(m: PageMap): void {
	expect(m.counts()).toEqual(m.recount());
}

describe('PageMap: packed per-page states', () => {
	it('starts with every page never sent, nothing dirty, nothing resident', () => {
		const m = new PageMap(100);
		expect(states(m).every((s) => s === PageState.NeverSent)).toBe(true);
		expect(m.counts()).toEqual({
			neverSent: 100,
			sent: 0,
			dirty: 0,
			inFlight: 0,
			dirtyBits: 0,
			resident: 0
		});
	});

	it('rejects sizes outside 1 page..1 TiB', () => {
		expect(() => new PageMap(0)).toThrow(RangeError);
		expect(() => new PageMap(MAX_PAGES + 1)).toThrow(/1 TiB/);
		expect(() => new PageMap(1.5)).toThrow(RangeError);
		expect(PageMap.forStorage(256 * 2 ** 20).pages).toBe(65536);
	});

	it('walks never sent → in flight → sent → dirty → in flight → sent for one page', () => {
		const m = new PageMap(40);
		m.setResident(33, 1);
		expect(m.beginPass(true)).toBe(1);
		expect(m.stateOf(33)).toBe(PageState.InFlight);
		expect(m.sendInFlight(10)).toBe(1);
		expect(m.stateOf(33)).toBe(PageState.Sent);
		m.markDirty(33);
		expect(m.stateOf(33)).toBe(PageState.Dirty);
		expect(m.isDirty(33)).toBe(true);
		expect(m.dirtyCount).toBe(1);
		expect(m.beginPass(false)).toBe(1);
		expect(m.isDirty(33)).toBe(false);
		expect(m.stateOf(33)).toBe(PageState.InFlight);
		m.sendInFlight(1);
		expect(m.stateOf(33)).toBe(PageState.Sent);
		expectCountsConsistent(m);
	});

	it('a page written while in flight stays in flight but is sent again next pass', () => {
		const m = new PageMap(16);
		m.setResident(0, 16);
		m.beginPass(true);
		m.markDirty(5);
		expect(m.stateOf(5)).toBe(PageState.InFlight);
		expect(m.sendInFlight(16)).toBe(16);
		// Its dirty bit outlives the send (the log cannot tell when in the pass it was written),
		// so it counts as dirtied since sent and goes again.
		expect(m.stateOf(5)).toBe(PageState.Dirty);
		expect(m.stateOf(4)).toBe(PageState.Sent);
		expect(m.beginPass(false)).toBe(1);
		expect(m.stateOf(5)).toBe(PageState.InFlight);
		expectCountsConsistent(m);
	});

	it('writing a never-sent page marks it dirty without making it "dirtied since sent"', () => {
		const m = new PageMap(8);
		m.markDirty(3);
		expect(m.stateOf(3)).toBe(PageState.NeverSent);
		expect(m.dirtyCount).toBe(1);
		m.markDirty(3);
		expect(m.dirtyCount).toBe(1);
		expectCountsConsistent(m);
	});

	it('only resident pages go in the first pass, and the first pass clears older dirty bits', () => {
		const m = new PageMap(1000);
		m.setResident(100, 300);
		m.setResident(250, 200); // overlaps: 100..449
		expect(m.residentCount).toBe(350);
		m.markDirty(10);
		expect(m.beginPass(true)).toBe(350);
		expect(m.dirtyCount).toBe(0);
		expect(m.stateOf(99)).toBe(PageState.NeverSent);
		expect(m.stateOf(100)).toBe(PageState.InFlight);
		expect(m.stateOf(449)).toBe(PageState.InFlight);
		expect(m.stateOf(450)).toBe(PageState.NeverSent);
		expectCountsConsistent(m);
	});

	it.each([1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1000, 1023])(
		'packs correctly at the edges for %i pages (first/last page, word boundaries)',
		(pages) => {
			const m = new PageMap(pages);
			expect(m.states.length).toBe(Math.ceil(pages / 16));
			expect(m.dirty.length).toBe(Math.ceil(pages / 32));
			m.setResident(0, pages + 50); // clipped to the map
			expect(m.residentCount).toBe(pages);
			expect(m.beginPass(true)).toBe(pages);
			// Send one page at a time: address order, first page first, last page last.
			for (let i = 0; i < pages; i++) {
				expect(m.sendInFlight(1)).toBe(1);
				expect(m.stateOf(i)).toBe(PageState.Sent);
				if (i + 1 < pages) expect(m.stateOf(i + 1)).toBe(PageState.InFlight);
			}
			expect(m.sendInFlight(5)).toBe(0);
			const last = pages - 1;
			for (const p of new Set([
				0,
				last,
				Math.min(last, 15),
				Math.min(last, 16),
				Math.min(last, 31),
				Math.min(last, 32)
			])) {
				m.markDirty(p);
				expect(m.stateOf(p)).toBe(PageState.Dirty);
			}
			expectCountsConsistent(m);
			// No bit beyond the last page is ever set.
			const tailBits = (m.dirty.length * 32 - pages) | 0;
			if (tailBits > 0) expect(m.dirty[m.dirty.length - 1]! >>> (32 - tailBits)).toBe(0);
		}
	);

	it('a pass begun before the last one finished still sends every page in flight', () => {
		const m = new PageMap(100);
		m.setResident(0, 100);
		m.beginPass(true);
		m.sendInFlight(40); // 60 left in flight
		m.markDirty(10);
		m.markDirty(95);
		expect(m.beginPass(false)).toBe(1); // page 95 was already in flight
		expect(m.inFlight).toBe(61);
		m.markDirtyRange(0, 100);
		expect(m.beginPass(false)).toBe(39);
		expect(m.sendInFlight(Infinity)).toBe(100);
		expect(m.inFlight).toBe(0);
		expect(states(m).every((s) => s === PageState.Sent)).toBe(true);
		expectCountsConsistent(m);
	});

	it('a partial budget sends the lowest pages of a word and resumes where it stopped', () => {
		const m = new PageMap(64);
		m.setResident(0, 64);
		m.beginPass(true);
		expect(m.sendInFlight(5)).toBe(5);
		expect(states(m).slice(0, 6)).toEqual([1, 1, 1, 1, 1, 3]);
		expect(m.sendInFlight(30)).toBe(30);
		expect(m.stateOf(34)).toBe(PageState.Sent);
		expect(m.stateOf(35)).toBe(PageState.InFlight);
		expect(m.inFlight).toBe(29);
		expect(m.sendInFlight(Infinity)).toBe(29);
		expectCountsConsistent(m);
	});

	it('markDirtyRange and markDirtyMany equal page-by-page markDirty', () => {
		const a = new PageMap(200);
		const b = new PageMap(200);
		const c = new PageMap(200);
		for (const m of [a, b, c]) {
			m.setResident(0, 200);
			m.beginPass(true);
			m.sendInFlight(150); // pages 150..199 still in flight
		}
		for (let p = 13; p < 170; p++) a.markDirty(p);
		b.markDirtyRange(13, 157);
		const pages = Uint32Array.from({ length: 157 }, (_, i) => 13 + i);
		c.markDirtyMany(pages, pages.length);
		for (const m of [b, c]) {
			expect(Array.from(m.states)).toEqual(Array.from(a.states));
			expect(Array.from(m.dirty)).toEqual(Array.from(a.dirty));
			expect(m.counts()).toEqual(a.counts());
		}
		expectCountsConsistent(a);
		expect(a.counts().dirty).toBe(150 - 13);
	});

	it('engine memory per guest page is at most 1.25 bytes for 1 GiB and 64 GiB guests', () => {
		for (const gib of [1, 64]) {
			const e = createPrecopy({
				guestPages: gib * GiB_PAGES,
				workload: 'database',
				seed: 1,
				bandwidthMBps: constantBandwidth(1400),
				policy: zvmPolicy()
			});
			const m = e.map;
			expect(m.byteLength).toBe(
				m.states.byteLength + m.dirty.byteLength + m.resident.byteLength + m.flight.byteLength
			);
			expect(e.memoryBytes / m.pages).toBeLessThanOrEqual(1.25);
		}
	});
});

describe('PageMap.downsample', () => {
	it('gives each cell its dominant value, with not-resident pages apart from never-sent ones', () => {
		const m = new PageMap(400);
		m.setResident(100, 300);
		m.beginPass(true);
		m.sendInFlight(100); // 100..199 sent, 200..399 in flight
		for (let p = 100; p < 130; p++) m.markDirty(p);
		const img = m.downsample(4, 1);
		// Cell 1 (pages 100..199): 70 sent, 30 dirty, so "sent" dominates.
		expect(Array.from(img)).toEqual([
			CellValue.NotResident,
			CellValue.Sent,
			CellValue.InFlight,
			CellValue.InFlight
		]);
		for (let p = 130; p < 180; p++) m.markDirty(p);
		expect(m.downsample(4, 1)[1]).toBe(CellValue.Dirty);
	});

	it('handles more cells than pages, fills a given buffer and rejects bad sizes', () => {
		const m = new PageMap(3);
		m.setResident(0, 3);
		m.beginPass(true);
		m.sendInFlight(1);
		const img = m.downsample(3, 2);
		expect(img.length).toBe(6);
		expect(img[0]).toBe(CellValue.Sent);
		expect(img[5]).toBe(CellValue.InFlight);
		const out = new Uint8Array(10).fill(9);
		expect(m.downsample(2, 2, out)).toBe(out);
		expect(out[4]).toBe(9);
		expect(() => m.downsample(0, 4)).toThrow(RangeError);
		expect(() => m.downsample(4, 4, new Uint8Array(3))).toThrow(RangeError);
	});

	it('samples very large cells: a 1 TiB-sized map still yields the right picture', () => {
		const m = new PageMap(2 ** 24);
		m.setResident(0, 2 ** 23);
		const img = m.downsample(2, 1);
		expect(Array.from(img)).toEqual([CellValue.NeverSent, CellValue.NotResident]);
	});
});

describe('array reuse', () => {
	it("a disposed map's arrays come back zeroed for the next map of that size", () => {
		const a = new PageMap(4096);
		a.setResident(0, 4096);
		a.beginPass(true);
		a.sendInFlight(1000);
		a.markDirtyRange(0, 500);
		const states = a.states;
		a.dispose();
		a.dispose(); // twice is harmless
		const b = new PageMap(4096);
		expect(b.states).toBe(states);
		expect(b.states.every((w) => w === 0)).toBe(true);
		expect(b.dirty.every((w) => w === 0)).toBe(true);
		expect(b.counts()).toEqual(b.recount());
		expect(b.counts().neverSent).toBe(4096);
		const c = new PageMap(4096);
		expect(c.states).not.toBe(states);
	});

	it('keeps at most MAX_POOLED_BYTES for reuse', () => {
		const before = pooledBytes();
		const big = new PageMap(2 ** 28); // 1 TiB: 130 MiB of arrays
		big.dispose();
		expect(pooledBytes() - before).toBeLessThanOrEqual(MAX_POOLED_BYTES);
		expect(pooledBytes()).toBeLessThanOrEqual(MAX_POOLED_BYTES);
	});
});
