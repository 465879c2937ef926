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
