import { describe, expect, it } from 'vitest';
import {
	heapPeek,
	heapPop,
	heapPush,
	heapRemoveWhere,
	type Scheduled
} from '$lib/core/sim/event-queue';
import { nextInt, seedPrng } from '$lib/core/sim/prng';

describe('event queue', () => {
	it('pops in time order, ties in scheduling order', () => {
		const h: Scheduled<string>[] = [];
		const rng = seedPrng(5);
		const items = Array.from({ length: 500 }, (_, seq) => ({
			at: nextInt(rng, 0, 50),
			seq,
			event: `e${seq}`
		}));
		for (const i of items) heapPush(h, i);
		const out: Scheduled<string>[] = [];
		for (let x = heapPop(h); x; x = heapPop(h)) out.push(x);
		const expected = [...items].sort((a, b) => a.at - b.at || a.seq - b.seq);
		expect(out.map((o) => o.event)).toEqual(expected.map((e) => e.event));
	});

	it('peeks without removing, returns undefined when empty', () => {
		const h: Scheduled<number>[] = [];
		expect(heapPeek(h)).toBeUndefined();
		expect(heapPop(h)).toBeUndefined();
		heapPush(h, { at: 3, seq: 0, event: 1 });
		expect(heapPeek(h)?.event).toBe(1);
		expect(h.length).toBe(1);
	});

	it('removes matching events and keeps the heap ordered', () => {
		const h: Scheduled<number>[] = [];
		for (let i = 0; i < 20; i++) heapPush(h, { at: 20 - i, seq: i, event: i });
		heapRemoveWhere(h, (e) => e % 2 === 0);
		const out: number[] = [];
		for (let x = heapPop(h); x; x = heapPop(h)) out.push(x.at);
		expect(out).toEqual([...out].sort((a, b) => a - b));
		expect(out.length).toBe(10);
	});
});
