// The status region's narration of jumps in time: a seek says where the lab now is (and that
// it shows the past), a fork says the recorded future is gone, a reset says so.
import { describe, expect, it } from 'vitest';
import { narrate } from '$lib/state/sim.svelte';
import type { SimView, TimelineView } from '$lib/worker/protocol';
import { buildView } from '$lib/worker/view';
import { simOf } from '../helpers';

const base = buildView(
	simOf('itsossib'),
	{ frame: 1, generation: 1, title: 'ITSOSSIB', source: '000', playing: false, speed: 1 },
	null
);

function at(now: number, timeline: Partial<TimelineView>): SimView {
	return { ...base, now, timeline: { ...base.timeline, ...timeline } };
}

describe('narrate: jumps in time', () => {
	it('says nothing when the clock merely runs', () => {
		expect(narrate(at(1_000, { latest: 1_000 }), at(2_000, { latest: 2_000 }))).toBeNull();
	});

	it('a seek into the past says where and that it is the past', () => {
		const before = at(60_000, { latest: 60_000 });
		const after = at(5_250, { latest: 60_000, inPast: true, revision: 1 });
		expect(narrate(before, after)).toBe('Now at 0:05.250, viewing the past.');
	});

	it('a fork says the recorded future is discarded', () => {
		const before = at(5_250, { latest: 60_000, inPast: true, revision: 1, recorded: 3 });
		const after = at(5_250, { latest: 5_250, forkedAt: 5_250, revision: 2, recorded: 1 });
		expect(narrate(before, after)).toBe('Forked at 0:05.250: the recorded future is discarded.');
	});

	it('a reset says the lab is back at the start', () => {
		const before = at(9_000, { latest: 9_000, recorded: 2 });
		const after = at(0, { latest: 0, recorded: 0, revision: 3 });
		expect(narrate(before, after)).toBe('Back to the start of ITSOSSIB.');
	});
});

describe('narrate: faults, repairs and live changes', () => {
	const sim = () => simOf('itsossib');
	const view = (s: ReturnType<typeof simOf>) =>
		buildView(
			s,
			{ frame: 1, generation: 1, title: 'ITSOSSIB', source: '000', playing: false, speed: 1 },
			null
		);

	it('says what a CTC fault and a change of CTC count did to the link, once', () => {
		const s = sim();
		const a = view(s);
		s.apply({
			kind: 'fault',
			fault: { kind: 'ctc.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '40', ctc: 0 }
		});
		const b = view(s);
		expect(narrate(a, b)).toBe('Link ITSOSSI5–ITSOSSI6: 7 of 8 CTCs working, 600 MB/s.');
		expect(narrate(b, view(s))).toBeNull();
		// 9 working, 7 written (N-2): CHPID 50's 6 are capped at 400 MB/s, CHPID 40's 3 give 300.
		s.apply({ kind: 'link.ctcs', link: 'ITSOSSI5-ITSOSSI6', chpid: '50', ctcs: 6 });
		expect(narrate(b, view(s))).toBe('Link ITSOSSI5–ITSOSSI6: 9 of 10 CTCs working, 700 MB/s.');
	});

	it("says a guest's new workload", () => {
		const s = sim();
		const a = view(s);
		s.apply({ kind: 'guest.workload', user: 'LNXSU12', on: 'ITSOSSI5', workload: 'sap' });
		expect(narrate(a, view(s))).toBe('LNXSU12 on ITSOSSI5 now runs the sap workload.');
	});
});
