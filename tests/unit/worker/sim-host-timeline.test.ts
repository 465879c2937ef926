// Step back, seek, fork, reset and links through the worker's controller, as the page sees
// them: after a jump the page (merging frames and tails like sim.svelte.ts) shows exactly what
// it showed at that time during the run, the console and log included.
import { describe, expect, it } from 'vitest';
import { builtinJson } from '$lib/core/scenarios/index';
import type {
	ErrorResponse,
	OkResponse,
	SimView,
	TailView,
	WorkerMessage
} from '$lib/worker/protocol';
import { FRAME_MS } from '$lib/worker/sim-host';
import { mergeTail } from '$lib/worker/tail';
import { harness } from './host-harness';

/** What the page holds: the latest frame and the merged tail (sim.svelte.ts does the same). */
function page(h: ReturnType<typeof harness>) {
	let seen = 0;
	let view: SimView | null = null;
	let tail: TailView | null = null;
	let ticks: number[] = [];
	return {
		/** Lets the pending frames go out and takes them in. */
		sync(): SimView {
			h.advance(FRAME_MS * 2);
			const frames = h.frames().slice(seen);
			seen += frames.length;
			for (const { frame } of frames) {
				if (frame.view.tail) tail = mergeTail(tail, frame.view.tail);
				if (frame.view.timeline.ticks) ticks = frame.view.timeline.ticks;
				view = frame.view;
			}
			if (!view) throw new Error('no frame yet');
			return view;
		},
		/** What a user can see of the simulation: clock, cluster, members, links, relocations, console, log. */
		visible(): string {
			const v = view!;
			return JSON.stringify({
				now: v.now,
				cluster: v.cluster,
				members: v.members,
				links: v.links,
				relocations: v.relocations,
				console: tail?.console,
				log: tail?.log
			});
		},
		get ticks() {
			return ticks;
		}
	};
}

function ok<T extends OkResponse['of']>(m: WorkerMessage, of: T): Extract<OkResponse, { of: T }> {
	if (m.type !== 'ok' || m.of !== of)
		throw new Error(`expected ok ${of}, got ${JSON.stringify(m)}`);
	return m as Extract<OkResponse, { of: T }>;
}

function refused(m: WorkerMessage): ErrorResponse {
	if (m.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(m)}`);
	return m;
}

const move = {
	kind: 'command',
	on: 'ITSOSSI1',
	text: 'vmrelocate move itsolnx1 to itsossi2 async'
};
const query = { kind: 'command', on: 'ITSOSSI3', text: 'q ssi' };

/** itsossia played at 25×: a relocation, a query mid-relocation and a CTC fault, frame by frame. */
function played() {
	const h = harness();
	const p = page(h);
	ok(h.send({ type: 'load', scenario: 'itsossia' }), 'load');
	h.send({ type: 'speed', speed: 25 });
	h.send({ type: 'play' });
	const shown = new Map<number, string>();
	for (let i = 0; i < 120; i++) {
		if (i === 10) ok(h.send({ type: 'apply', input: move }), 'apply');
		if (i === 40) ok(h.send({ type: 'apply', input: query }), 'apply');
		if (i === 55) {
			const fault = { kind: 'ctc.fail', link: 'ITSOSSI1-ITSOSSI2', chpid: '4A', ctc: 0 };
			ok(h.send({ type: 'apply', input: { kind: 'fault', fault } }), 'apply');
		}
		const v = p.sync();
		shown.set(v.now, p.visible());
	}
	ok(h.send({ type: 'pause' }), 'pause');
	const end = p.sync();
	shown.set(end.now, p.visible());
	return { h, p, shown, end };
}

describe('SimHost: seek and step back show exactly what was shown', () => {
	it('a seek to any frame of the run shows that frame again, console and log included', () => {
		const { h, p, shown, end } = played();
		expect(end.timeline.latest).toBe(end.now);
		expect(end.timeline.recorded).toBe(3);
		expect(end.relocations[0]?.status).toBe('relocated');
		const times = [...shown.keys()];
		const mid = times.filter((t) => {
			const v = JSON.parse(shown.get(t)!) as { relocations: { status: string }[] };
			return v.relocations[0]?.status === 'Moving Memory';
		});
		expect(mid.length).toBeGreaterThan(3);
		for (const t of [times[3]!, mid[0]!, mid.at(-1)!, times[50]!, times[20]!, end.now]) {
			const r = ok(h.send({ type: 'seek', t }), 'seek');
			expect(r.now).toBe(t);
			const v = p.sync();
			expect(v.tail?.reset, 'a jump sends a whole tail').toBe(true);
			expect(v.timeline.inPast).toBe(t < end.now);
			expect(p.visible(), `seek to ${t}`).toBe(shown.get(t));
		}
	});

	it('step back lands on the previous logged event and pauses', () => {
		const { h, p, end } = played();
		h.send({ type: 'play' });
		const before = p.sync();
		const r = ok(h.send({ type: 'stepBack' }), 'stepBack');
		expect(r.stepped).toBe(true);
		const v = p.sync();
		expect(v.playing).toBe(false);
		expect(r.now).toBe(before.timeline.prevEvent);
		expect(v.now).toBe(r.now);
		expect(v.now).toBeLessThan(end.now);
		// The log's last entry is at the time landed on.
		const log = JSON.parse(p.visible()) as { log: { t: number }[] };
		expect(log.log.at(-1)?.t).toBe(v.now);
		expect(p.ticks).toContain(v.now);
	});

	it('refuses a seek past the latest time, naming t, and carries on', () => {
		const { h, p, end } = played();
		const e = refused(h.send({ type: 'seek', t: end.now + 1 }));
		expect(e.field).toBe('t');
		expect(e.message).toContain('after the latest time the run has reached');
		expect(p.sync().now).toBe(end.now);
	});

	it('playing from the past re-applies the recorded inputs as their times pass', () => {
		const { h, p, shown, end } = played();
		ok(h.send({ type: 'seek', t: 1_000 }), 'seek');
		expect(p.sync().timeline.applied).toBe(0);
		h.send({ type: 'speed', speed: 1000 });
		h.send({ type: 'play' });
		let v = p.sync();
		for (let i = 0; i < 100 && v.now < end.now; i++) v = p.sync();
		expect(v.timeline.applied).toBe(3);
		expect(v.timeline.forkedAt).toBeNull();
		h.send({ type: 'pause' });
		ok(h.send({ type: 'seek', t: end.now }), 'seek');
		p.sync();
		expect(p.visible()).toBe(shown.get(end.now));
	});
});

describe('SimHost: fork and reset', () => {
	it('a fork discards the recorded future; the branch goes on live', () => {
		const { h, p, end } = played();
		const times = [...new Set(h.frames().map((f) => f.frame.view.now))];
		const t = times[20]!;
		ok(h.send({ type: 'seek', t }), 'seek');
		const f = ok(h.send({ type: 'fork' }), 'fork');
		expect(f).toMatchObject({ forkedAt: t, discarded: 2 });
		const v = p.sync();
		expect(v.timeline).toMatchObject({ latest: t, forkedAt: t, inPast: false, recorded: 1 });
		expect(p.ticks.every((x) => x <= t)).toBe(true);
		expect(refused(h.send({ type: 'seek', t: end.now })).field).toBe('t');
	});

	it('an input given in the past forks the run there and says so', () => {
		const { h, p } = played();
		ok(h.send({ type: 'seek', t: 500 }), 'seek');
		const r = ok(h.send({ type: 'apply', input: query }), 'apply');
		expect(r.result.ok).toBe(true);
		expect(r.forkedAt).toBe(500);
		expect(r.discarded).toBe(3);
		const v = p.sync();
		expect(v.timeline).toMatchObject({ forkedAt: 500, recorded: 1, applied: 1, latest: 500 });
		const console = JSON.parse(p.visible()) as { console: Record<string, { text: string }[]> };
		expect(console.console['ITSOSSI3']?.some((l) => /q ssi/i.test(l.text))).toBe(true);
	});

	it('reset goes back to time 0 with nothing recorded', () => {
		const { h, p } = played();
		const r = ok(h.send({ type: 'reset' }), 'reset');
		expect(r.now).toBe(0);
		const v = p.sync();
		expect(v.now).toBe(0);
		expect(v.timeline).toMatchObject({ latest: 0, recorded: 0, forkedAt: null });
		expect(v.relocations).toEqual([]);
	});
});

describe('SimHost: load and recording (links)', () => {
	it('a recording loaded elsewhere reproduces what was shown, paused there', () => {
		const { h, p, end } = played();
		const t = end.now - 5_000;
		ok(h.send({ type: 'seek', t }), 'seek');
		p.sync();
		const rec = ok(h.send({ type: 'recording' }), 'recording');
		expect(rec.t).toBe(t);
		expect(rec.inputs).toHaveLength(3);
		expect(rec.speed).toBe(25);

		const other = harness();
		const q = page(other);
		other.send({ type: 'play' });
		const loaded = ok(
			other.send({
				type: 'load',
				scenario: 'itsossia',
				seed: rec.seed,
				inputs: rec.inputs,
				t: rec.t
			}),
			'load'
		);
		expect(loaded).toMatchObject({ scenario: 'itsossia', inline: false, now: rec.t });
		const v = q.sync();
		expect(v.playing).toBe(false);
		expect(v.timeline).toMatchObject({ latest: rec.t, recorded: 3, applied: 3 });
		expect(q.visible()).toBe(p.visible());
	});

	it('loads an inline scenario, with a seed override', () => {
		const h = harness();
		const inline = structuredClone(builtinJson('itsossib')) as Record<string, unknown>;
		inline['title'] = 'My own two-member cluster';
		const r = ok(h.send({ type: 'load', scenario: inline, seed: 1234 }), 'load');
		expect(r).toMatchObject({ inline: true, title: 'My own two-member cluster', seed: 1234 });
		const v = page(h).sync();
		expect(v.scenario).toMatchObject({ title: 'My own two-member cluster', seed: 1234 });
	});

	it('names the field of an invalid inline scenario, and keeps the running one', () => {
		const h = harness();
		ok(h.send({ type: 'load', scenario: 'itsossib' }), 'load');
		const bad = structuredClone(builtinJson('itsossib')) as {
			cluster: { members: { slot: number }[] };
		};
		bad.cluster.members[0]!.slot = 9;
		const e = refused(h.send({ type: 'load', scenario: bad }));
		expect(e.field).toBe('scenario.cluster.members[0].slot');
		expect(e.message).toContain('scenario.cluster.members[0].slot: 9 is out of range 1-4');
		expect(refused(h.send({ type: 'load', scenario: {} })).field).toBe('scenario.name');
		// The earlier scenario still runs.
		expect(ok(h.send({ type: 'runFor', ms: 1_000 }), 'runFor').now).toBe(1_000);
		expect(refused(h.send({ type: 'load', scenario: 'nope' })).field).toBe('scenario');
	});

	it('time-travel requests before a load are refused as a whole', () => {
		const h = harness();
		for (const type of ['seek', 'stepBack', 'fork', 'reset', 'recording']) {
			const e = refused(h.send({ type, t: 0 }));
			expect(e).toMatchObject({ field: null, message: expect.stringContaining('no scenario') });
		}
	});

	it('sends the event ticks only when they change', () => {
		const h = harness();
		const p = page(h);
		ok(h.send({ type: 'load', scenario: 'itsossib' }), 'load');
		const first = p.sync();
		expect(first.timeline.ticks).toEqual([0]);
		h.send({ type: 'runFor', ms: 500 });
		expect(p.sync().timeline.ticks).toBeNull();
		h.send({ type: 'apply', input: { kind: 'command', on: 'ITSOSSI5', text: 'q ssi' } });
		expect(p.sync().timeline.ticks).toEqual([0, 500]);
	});
});
