import { describe, expect, it } from 'vitest';
import { PageMap, PageState } from '$lib/core/engine/page-map';
import {
	WORKLOAD_NAMES,
	WORKLOAD_PRESETS,
	Workload,
	isWorkloadPreset,
	customWorkload,
	presetWorkload,
	validateWorkload,
	type WorkloadPreset,
	type WorkloadSpec
} from '$lib/core/engine/workload';
import { forEachPageRun, layoutResident, pageOf, pagesOf } from '$lib/core/engine/workload-layout';
import { seedPrng } from '$lib/core/sim/prng';

const PAGES = 65536; // a 256 MiB guest

function residentMap(spec: WorkloadSpec, seed = 1): { map: PageMap; w: Workload } {
	const map = new PageMap(PAGES);
	const w = new Workload(spec, PAGES, seed);
	w.applyResidency(map);
	return { map, w };
}

describe('resident layout', () => {
	it('places exactly the resident pages, first extent at page 0, all inside the guest', () => {
		for (const r of [1, 7, 31, 32, 1000, 40000, PAGES]) {
			const layout = layoutResident(PAGES, r, seedPrng(r));
			const m = new PageMap(PAGES);
			forEachPageRun(layout, 0, r, (p, len) => m.setResident(p, len));
			expect(m.residentCount).toBe(r);
			expect(layout.starts[0]).toBe(0);
			expect(layout.starts.length).toBeLessThanOrEqual(32);
			if (r >= 32) expect(layout.starts.length).toBeGreaterThanOrEqual(16);
			for (const i of [0, r - 1, Math.floor(r / 2)])
				expect(m.isResident(pageOf(layout, i))).toBe(true);
		}
	});

	it('maps logical indices in bulk as pageOf does', () => {
		const layout = layoutResident(PAGES, 50000, seedPrng(3));
		const idx = Uint32Array.from([0, 1, 4095, 4096, 30000, 49999 - 100]);
		const expected = Array.from(idx, (i) => pageOf(layout, i + 100));
		pagesOf(layout, idx, idx.length, 100);
		expect(Array.from(idx)).toEqual(expected);
	});
});

describe('workload presets', () => {
	it.each(Object.keys(WORKLOAD_PRESETS) as WorkloadPreset[])(
		'%s sizes to the guest and validates',
		(name) => {
			const spec = presetWorkload(name, PAGES);
			expect(() => validateWorkload(spec, PAGES)).not.toThrow();
			expect(spec.hotPages).toBeLessThanOrEqual(spec.residentPages);
			expect(spec.residentPages).toBe(Math.round(PAGES * WORKLOAD_PRESETS[name].resident));
		}
	);

	it('orders the presets by activity: idle < web < database, and the muncher outwrites any ISFC link', () => {
		const rate = (n: WorkloadPreset) =>
			WORKLOAD_PRESETS[n].hotWritesPerS + WORKLOAD_PRESETS[n].coldWritesPerS;
		expect(rate('idle')).toBeLessThan(rate('web'));
		expect(rate('web')).toBeLessThan(rate('database'));
		// 4 CHPIDs, 16 CTCs, 14 written = 1,400 MB/s ≈ 341,797 pages/s.
		expect(rate('muncher')).toBeGreaterThan((1400e6 / 4096) * 1);
	});

	it('the custom form converts MiB to pages and names the bad field', () => {
		const spec = customWorkload(
			{ residentMiB: 128, hotMiB: 16, hotWritesPerS: 1000, coldWritesPerS: 10, skew: 0.3 },
			PAGES
		);
		expect(spec).toMatchObject({ name: 'custom', residentPages: 32768, hotPages: 4096 });
		const base = { residentMiB: 128, hotMiB: 16, hotWritesPerS: 1, coldWritesPerS: 1, skew: 0 };
		expect(() => customWorkload({ ...base, residentMiB: 512 }, PAGES)).toThrow(/resident size/);
		expect(() => customWorkload({ ...base, hotMiB: 200 }, PAGES)).toThrow(/hot working set/);
		expect(() => customWorkload({ ...base, hotWritesPerS: -1 }, PAGES)).toThrow(/hot write rate/);
		expect(() => customWorkload({ ...base, coldWritesPerS: NaN }, PAGES)).toThrow(
			/cold write rate/
		);
		expect(() => customWorkload({ ...base, skew: 1 }, PAGES)).toThrow(/skew/);
	});
});

describe('Workload dirtying', () => {
	const spec: WorkloadSpec = {
		name: 'test',
		residentPages: 40000,
		hotPages: 2000,
		hotWritesPerS: 5000,
		coldWritesPerS: 500,
		skew: 0
	};

	it('counts writes from the times alone: any slicing of [a, b) gives the same total', () => {
		const w = new Workload(spec, PAGES, 1);
		const whole = w.writesBetween(0, 1000);
		expect(whole).toEqual({ hot: 5000, cold: 500 });
		let hot = 0;
		let cold = 0;
		for (let t = 0; t < 1000; t += 37) {
			const part = w.writesBetween(t, Math.min(1000, t + 37));
			hot += part.hot;
			cold += part.cold;
		}
		expect({ hot, cold }).toEqual(whole);
	});

	it('is deterministic from the seed, and different seeds give different pages', () => {
		const a = residentMap(spec, 9);
		const b = residentMap(spec, 9);
		const c = residentMap(spec, 10);
		for (const { map, w } of [a, b, c]) w.dirty(map, 0, 200);
		expect(Array.from(a.map.dirty)).toEqual(Array.from(b.map.dirty));
		expect(Array.from(a.map.dirty)).not.toEqual(Array.from(c.map.dirty));
	});

	it('writes only resident pages, and the hot set gets its share', () => {
		const { map, w } = residentMap(spec, 4);
		w.dirty(map, 0, 1000);
		let outside = 0;
		for (let p = 0; p < PAGES; p++) if (map.isDirty(p) && !map.isResident(p)) outside++;
		expect(outside).toBe(0);
		let hotDirty = 0;
		for (let i = 0; i < spec.hotPages; i++)
			if (map.isDirty(pageOf(w.layout, w.hotStart + i))) hotDirty++;
		// 5000 uniform writes on 2000 pages: 2000·(1 − e^−2.5) ≈ 1836 distinct.
		expect(hotDirty).toBeGreaterThan(1750);
		expect(hotDirty).toBeLessThan(1920);
		// 500 cold writes over 38,000 pages: nearly all distinct.
		expect(map.dirtyCount - hotDirty).toBeGreaterThan(480);
		expect(map.dirtyCount - hotDirty).toBeLessThanOrEqual(500);
	});

	it('skew concentrates writes: fewer distinct pages for the same number of writes', () => {
		const distinct = (skew: number) => {
			const { map, w } = residentMap({ ...spec, coldWritesPerS: 0, skew }, 2);
			w.dirty(map, 0, 400);
			return map.dirtyCount;
		};
		const uniform = distinct(0);
		const skewed = distinct(0.6);
		const very = distinct(0.9);
		expect(skewed).toBeLessThan(uniform * 0.9);
		expect(very).toBeLessThan(skewed);
	});

	it('a sweep writes distinct pages in address order until it wraps', () => {
		const sweep: WorkloadSpec = { ...spec, coldWritesPerS: 0, pattern: 'sweep' };
		const { map, w } = residentMap(sweep, 5);
		w.dirty(map, 0, 100); // 500 writes
		expect(map.dirtyCount).toBe(500);
		w.dirty(map, 100, 300); // 1000 more: 1500 distinct
		expect(map.dirtyCount).toBe(1500);
		w.dirty(map, 300, 1000); // 3500 more: wraps, the whole hot set
		expect(map.dirtyCount).toBe(2000);
		for (let i = 0; i < 2000; i++) expect(map.isDirty(pageOf(w.layout, w.hotStart + i))).toBe(true);
	});

	it('bursts add cold writes only inside their windows', () => {
		const gc: WorkloadSpec = {
			...spec,
			burst: { periodMs: 10_000, durationMs: 1_000, writesPerS: 20_000 }
		};
		const w = new Workload(gc, PAGES, 3);
		const phase = w.burstPhaseMs;
		expect(phase).toBeGreaterThanOrEqual(0);
		expect(phase).toBeLessThan(10_000);
		const inBurst = w.writesBetween(phase + 100, phase + 600);
		const outside = w.writesBetween(phase + 2000, phase + 2500);
		expect(inBurst.cold - outside.cold).toBe(10_000);
		expect(inBurst.hot).toBe(outside.hot);
		// Over many periods: 10 % of the time at 20,000/s.
		const long = w.writesBetween(0, 1_000_000);
		expect(long.cold).toBeCloseTo(500_000 + 2_000_000, -4);
	});

	it('dirtying marks sent pages dirty and leaves their count consistent', () => {
		const { map, w } = residentMap(spec, 6);
		map.beginPass(true);
		map.sendInFlight(Infinity);
		w.dirty(map, 0, 1000);
		const c = map.counts();
		expect(c).toEqual(map.recount());
		expect(c.dirty).toBe(c.dirtyBits);
		let anyDirty = false;
		for (let p = 0; p < PAGES && !anyDirty; p++) anyDirty = map.stateOf(p) === PageState.Dirty;
		expect(anyDirty).toBe(true);
	});
});

describe('retune: the guest starts doing something else (a guest.workload input)', () => {
	/** A preset sized to the guest, with the resident set the guest already has. */
	const as = (name: WorkloadPreset, resident: number): WorkloadSpec => {
		const p = presetWorkload(name, PAGES);
		return { ...p, residentPages: resident, hotPages: Math.min(p.hotPages, resident) };
	};

	it('lists every preset by name, in the order of the table', () => {
		expect(WORKLOAD_NAMES).toEqual(Object.keys(WORKLOAD_PRESETS));
		expect(WORKLOAD_NAMES.every(isWorkloadPreset)).toBe(true);
		expect(isWorkloadPreset('custom')).toBe(false);
		expect(isWorkloadPreset(undefined)).toBe(false);
	});

	it('keeps the memory where it is and writes at the new rates from then on', () => {
		const resident = 40_000;
		const { map, w } = residentMap(as('idle', resident));
		const layout = w.layout;
		w.retune(as('database', resident), 1_000);
		expect(w.spec.name).toBe('database');
		expect(w.layout).toBe(layout);
		expect(w.hotStart + w.spec.hotPages).toBeLessThanOrEqual(resident);
		expect(w.writesBetween(1_000, 2_000)).toEqual({ hot: 25_000, cold: 2_500 });
		w.dirty(map, 1_000, 2_000);
		// Every page written is one the guest already had.
		expect(map.residentCount).toBe(resident);
		// Idle would have written at most 52 pages in that second.
		expect(map.dirtyCount).toBeGreaterThan(5_000);
	});

	it('starts a burst cycle at the change and draws no random numbers for it', () => {
		const resident = 40_000;
		const a = residentMap(as('idle', resident), 9).w;
		const b = residentMap(as('idle', resident), 9).w;
		a.retune(as('java-gc', resident), 12_345);
		b.retune(as('java-gc', resident), 12_345);
		expect(a.burstPhaseMs).toBe(12_345);
		// The burst runs from the change: 3 s at 150,000 writes/s on top of 500/s.
		expect(a.writesBetween(12_345, 15_345).cold).toBe(1_500 + 450_000);
		// Same seed, same change: the same pages, write for write.
		const ma = new PageMap(PAGES);
		const mb = new PageMap(PAGES);
		a.dirty(ma, 12_345, 13_000);
		b.dirty(mb, 12_345, 13_000);
		expect(ma.dirty).toEqual(mb.dirty);
	});

	it('refuses a spec that would change the resident set, or one that does not fit', () => {
		const { w } = residentMap(as('idle', 40_000));
		expect(() => w.retune(as('web', 30_000), 0)).toThrow(/must stay 40000/);
		expect(() => w.retune({ ...as('web', 40_000), hotPages: 50_000 }, 0)).toThrow(
			/hot working set/
		);
		expect(w.spec.name).toBe('idle');
	});
});
