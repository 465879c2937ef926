// The worker's controller in Node, with a hand-driven clock and timers: frames carry the
// relocation summaries, the watched transfer's page map goes as a transferred buffer only when
// it changed, tails carry only what is new, and every frame stays inside its size budget.
import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_BYTES, FRAME_MS, frameBytes, PAGE_MAP_MS } from '$lib/worker/sim-host';
import { parseRequest } from '$lib/worker/protocol';
import type { ConsoleLine } from '$lib/core/sim/events';
import type { Simulation } from '$lib/core/simulation';
import {
	buildTail,
	buildTailFrom,
	CONSOLE_TAIL,
	mergeTail,
	TAIL_CONSOLE_BUDGET,
	tailMark
} from '$lib/worker/tail';
import type { TailView } from '$lib/worker/protocol';
import { boot, cmd } from '../core/commands/helpers';
import { decodeFrame } from '$lib/core/engine/frame';
import { harness, MOVE_ITSOLNX1, playMove } from './host-harness';

describe('SimHost frames during a relocation', () => {
	it('send relocation summaries and the page map as a transferred buffer, only when it changed', () => {
		const h = harness();
		expect(h.send({ type: 'load', scenario: 'itsossia' })).toMatchObject({ type: 'ok' });
		h.send({ type: 'runFor', ms: 2_000 });
		const reply = h.send({ type: 'apply', input: MOVE_ITSOLNX1 });
		expect(reply).toMatchObject({ type: 'ok', of: 'apply' });
		h.advance(FRAME_MS);
		h.send({ type: 'runFor', ms: 3_000 });
		h.advance(FRAME_MS);
		let frames = h.frames();
		const last = frames.at(-1)!;
		expect(last.frame.view.relocations[0]).toMatchObject({
			user: 'ITSOLNX1',
			status: 'Moving Memory'
		});
		expect(last.frame.view.watching).toBe(1);
		const withMap = frames.filter((f) => f.frame.pageMap);
		expect(withMap.length).toBeGreaterThan(0);
		for (const f of withMap) {
			// The buffer is in the transfer list, and it is the only thing there.
			expect(f.transfer).toEqual([f.frame.pageMap!.buffer]);
			expect(f.frame.pageMap!.relocation).toBe(1);
		}
		for (const f of frames) {
			if (!f.frame.pageMap) expect(f.transfer).toEqual([]);
			expect(frameBytes(f.frame.view, f.frame.pageMap ?? null)).toBeLessThanOrEqual(
				FRAME_BUDGET_BYTES
			);
		}

		// Paused with nothing new: a speed change sends a frame, but no image.
		const before = h.frames().length;
		h.send({ type: 'speed', speed: 2 });
		h.advance(FRAME_MS * 2);
		frames = h.frames().slice(before);
		expect(frames.length).toBeGreaterThan(0);
		expect(frames.every((f) => !f.frame.pageMap)).toBe(true);

		// The engine moves on: the next frame has a new image.
		const mark = h.frames().length;
		h.send({ type: 'runFor', ms: 500 });
		h.advance(FRAME_MS);
		expect(
			h
				.frames()
				.slice(mark)
				.some((f) => f.frame.pageMap)
		).toBe(true);
	});

	it('plays a relocation to its end, frame after frame, within budget and with growing counts', () => {
		const h = harness();
		playMove(h, 100);
		let done = false;
		for (let i = 0; i < 2_000 && !done; i++) {
			h.advance(FRAME_MS);
			done = h.frames().at(-1)?.frame.view.relocations[0]?.outcome === 'relocated';
		}
		expect(done).toBe(true);
		const frames = h.frames();
		// Frames come no faster than one per FRAME_MS of wall clock (plus the answers' own).
		expect(frames.length).toBeLessThanOrEqual(2_000 + 10);
		let sent = 0;
		let pass = 0;
		for (const { frame } of frames) {
			expect(frameBytes(frame.view, frame.pageMap ?? null)).toBeLessThanOrEqual(FRAME_BUDGET_BYTES);
			const r = frame.view.relocations[0];
			if (!r) continue;
			expect(r.pagesSent).toBeGreaterThanOrEqual(sent);
			sent = r.pagesSent;
			if (r.outcome === null) {
				expect(r.currentPass).toBeGreaterThanOrEqual(pass);
				pass = r.currentPass;
			}
		}
		expect(pass).toBeGreaterThanOrEqual(1);
		const end = frames.at(-1)!.frame.view;
		// At 100× the short quiesced passes fall between frames; the pass list keeps them.
		const last = end.relocations[0]!;
		expect(last.passesDone).toBeGreaterThan(pass);
		expect(last.passes.map((p) => p.n)).toEqual(
			Array.from({ length: last.passesDone }, (_, i) => i + 1)
		);
		const where = end.members.filter((m) => m.guests.some((g) => g.user === 'ITSOLNX1'));
		expect(where.map((m) => m.name)).toEqual(['ITSOSSI2']);
	});

	it('spaces page-map images at least PAGE_MAP_MS apart, and sends a held-back one later', () => {
		const h = harness();
		playMove(h, 10);
		// About 20 simulated seconds: well inside the first pass of a 4 GiB guest.
		for (let i = 0; i < 60; i++) h.advance(FRAME_MS);
		expect(h.frames().at(-1)!.frame.view.relocations[0]!.status).toBe('Moving Memory');
		const images = h.frames().filter((f) => f.frame.pageMap);
		expect(images.length).toBeGreaterThan(10);
		for (let i = 1; i < images.length; i++) {
			expect(images[i]!.at - images[i - 1]!.at).toBeGreaterThanOrEqual(PAGE_MAP_MS);
		}
		// More frames than images: the view still goes every frame.
		expect(h.frames().length).toBeGreaterThan(images.length);

		// Paused, two quick jumps: the second state's image is held back, then follows unasked.
		h.send({ type: 'pause' });
		h.advance(PAGE_MAP_MS);
		h.send({ type: 'runFor', ms: 1_000 });
		const mark = h.frames().length;
		const ran = h.send({ type: 'runFor', ms: 1_000 });
		if (ran.type !== 'ok' || ran.of !== 'runFor') throw new Error('runFor refused');
		const now = ran.now;
		h.advance(PAGE_MAP_MS + FRAME_MS);
		const later = h
			.frames()
			.slice(mark)
			.filter((f) => f.frame.pageMap);
		expect(later).toHaveLength(1);
		const { counters } = decodeFrame(later[0]!.frame.pageMap!.buffer);
		// The engine's time is on its grid, at most one slice (100 ms) behind the simulation.
		expect(now - counters.simMs).toBeLessThan(100);
		expect(now - counters.simMs).toBeGreaterThanOrEqual(0);
		// And nothing more while nothing changes.
		const settled = h.frames().length;
		h.advance(1_000);
		expect(h.frames().length).toBe(settled);
	});

	it('answers watch requests, naming a relocation that does not exist', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		expect(h.send({ type: 'watch', relocation: 1 })).toMatchObject({
			type: 'error',
			field: 'relocation',
			message: 'no relocation 1 (none has been issued)'
		});
		h.send({
			type: 'apply',
			input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2 async' }
		});
		h.send({
			type: 'apply',
			input: { kind: 'command', on: 'ITSOSSI3', text: 'vmrelocate move itsolnx3 to itsossi4 async' }
		});
		h.send({ type: 'runFor', ms: 2_000 });
		h.advance(FRAME_MS);
		expect(h.frames().at(-1)!.frame.view.watching).toBe(2);
		expect(h.send({ type: 'watch', relocation: 1 })).toEqual({
			id: expect.any(Number),
			type: 'ok',
			of: 'watch',
			relocation: 1
		});
		h.advance(FRAME_MS);
		const f = h.frames().at(-1)!.frame;
		expect(f.view.watching).toBe(1);
		// A new choice sends its image at once, even with the simulation paused.
		expect(f.pageMap?.relocation).toBe(1);
		expect(h.send({ type: 'watch', relocation: 3 })).toMatchObject({
			type: 'error',
			field: 'relocation',
			message: 'no relocation 3 (relocations: 1, 2)'
		});
		expect(h.send({ type: 'watch', relocation: null })).toMatchObject({ type: 'ok' });
		// A new load forgets the choice.
		h.send({ type: 'load', scenario: 'itsossia' });
		h.advance(FRAME_MS);
		expect(h.frames().at(-1)!.frame.view).toMatchObject({ watching: null, relocations: [] });
	});
});

describe('tails', () => {
	it('carry the whole console once after a load, then only the new lines', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		h.advance(FRAME_MS);
		const first = h.frames().at(-1)!.frame.view.tail!;
		expect(first.reset).toBe(true);
		let held: TailView = mergeTail(null, first);
		for (let i = 0; i < 120; i++) {
			for (const m of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) {
				h.send({ type: 'apply', input: { kind: 'command', on: m, text: 'q ssi' } });
			}
			h.advance(FRAME_MS);
		}
		const tails = h
			.frames()
			.map((f) => f.frame.view.tail)
			.filter((t): t is TailView => t !== null);
		for (const t of tails.slice(tails.indexOf(first) + 1)) {
			expect(t.reset).toBe(false);
			held = mergeTail(held, t);
		}
		// Every frame stayed small although the consoles are full (each apply's frame carries
		// its own few lines).
		for (const { frame } of h.frames()) {
			expect(frameBytes(frame.view, null)).toBeLessThan(20_000);
		}
		const lastConsole = held.console['ITSOSSI4']!;
		expect(lastConsole).toHaveLength(200);
		expect(lastConsole.at(-1)!.text).toMatch(/^Ready;/);
		expect(held.logTotal).toBeGreaterThan(0);
	});
});

describe('watch request validation', () => {
	it.each([
		[{ id: 1, type: 'watch' }, 'relocation'],
		[{ id: 1, type: 'watch', relocation: 0 }, 'relocation'],
		[{ id: 1, type: 'watch', relocation: 1.5 }, 'relocation'],
		[{ id: 1, type: 'watch', relocation: '1' }, 'relocation']
	])('refuses %j naming the field', (message, field) => {
		const r = parseRequest(message);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.field).toBe(field);
			expect(r.error.message).toContain('relocation must be a relocation id');
		}
	});

	it('accepts an id or null', () => {
		expect(parseRequest({ id: 4, type: 'watch', relocation: 2 })).toEqual({
			ok: true,
			request: { id: 4, type: 'watch', relocation: 2 }
		});
		expect(parseRequest({ id: 5, type: 'watch', relocation: null })).toEqual({
			ok: true,
			request: { id: 5, type: 'watch', relocation: null }
		});
	});
});

/** The last CONSOLE_TAIL console lines of each member, straight from the simulation. */
function lastLines(sim: Simulation): Record<string, ConsoleLine[]> {
	const out: Record<string, ConsoleLine[]> = {};
	for (const m of sim.state.cluster.members) {
		out[m.name] = sim.state.console.filter((l) => l.on === m.name).slice(-CONSOLE_TAIL);
	}
	return out;
}

describe('mergeTail', () => {
	it('rebuilds on the page exactly the whole tail from the partial ones', () => {
		const sim = boot('itsossia');
		let held = mergeTail(null, buildTail(sim, []));
		let mark = tailMark(sim);
		for (let i = 0; i < 90; i++) {
			cmd(sim, i % 3 === 0 ? 'ITSOSSI1' : 'ITSOSSI2', i % 5 === 0 ? 'q ssi' : 'q users');
			sim.runUntil(sim.now + 700);
			if (i % 4 !== 0) continue;
			const part = buildTail(sim, [], mark);
			expect(part.reset).toBe(false);
			held = mergeTail(held, part);
			mark = tailMark(sim);
		}
		for (;;) {
			const b = buildTailFrom(sim, [], mark);
			held = mergeTail(held, b.tail);
			mark = b.mark;
			if (b.complete) break;
		}
		const whole = buildTail(sim, []);
		expect(held.console).toEqual(lastLines(sim));
		expect(held.log).toEqual(whole.log);
		expect(held.logTotal).toBe(whole.logTotal);
	});

	it('carries a burst of console output over several tails, each within its budget', () => {
		const sim = boot('itsossia');
		let held = mergeTail(null, buildTail(sim, []));
		let mark = tailMark(sim);
		for (let i = 0; i < 80; i++)
			for (const m of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) cmd(sim, m, 'q ssi');
		let parts = 0;
		for (;;) {
			const b = buildTailFrom(sim, [], mark);
			parts++;
			const text = Object.values(b.tail.console)
				.flat()
				.reduce((n, l) => n + JSON.stringify(l).length, 0);
			expect(text).toBeLessThanOrEqual(TAIL_CONSOLE_BUDGET + 600);
			held = mergeTail(held, b.tail);
			mark = b.mark;
			if (b.complete) break;
		}
		expect(parts).toBeGreaterThan(2);
		expect(held.console).toEqual(lastLines(sim));
	});

	it('starts again from a whole tail when the simulation has fewer lines than were sent', () => {
		const sim = boot('itsossia');
		cmd(sim, 'ITSOSSI1', 'q ssi');
		const tail = buildTail(sim, [], { console: 10_000, log: 10_000 });
		expect(tail.reset).toBe(true);
		expect(tail.console['ITSOSSI1']!.length).toBeGreaterThan(0);
	});
});

describe('frame budget', () => {
	it('keeps every frame within 64 KiB when a burst of output meets a new page map', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		h.send({ type: 'apply', input: MOVE_ITSOLNX1 });
		h.send({ type: 'runFor', ms: 3_000 });
		h.advance(PAGE_MAP_MS);
		const mark = h.frames().length;
		// All at one wall-clock instant: the next frame sees a long burst and a new map at once.
		for (let i = 0; i < 80; i++) {
			for (const m of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) {
				h.send({ type: 'apply', input: { kind: 'command', on: m, text: 'q ssi' } });
			}
		}
		h.send({ type: 'runFor', ms: 500 });
		for (let i = 0; i < 20; i++) h.advance(FRAME_MS);
		const after = h.frames().slice(mark);
		expect(after.filter((f) => f.frame.view.tail).length).toBeGreaterThan(2);
		expect(after.some((f) => f.frame.pageMap)).toBe(true);
		// The first frame to show the new map's time also carried the burst: too heavy for the
		// image as well, which followed in a later frame.
		const end = after.at(-1)!.frame.view.now;
		const first = after.find((f) => f.frame.view.now === end)!.frame;
		expect(first.view.tail).not.toBeNull();
		expect(first.pageMap).toBeUndefined();
		expect(frameBytes(first.view, null) + 32_896).toBeGreaterThan(FRAME_BUDGET_BYTES);
		for (const { frame } of h.frames()) {
			expect(frameBytes(frame.view, frame.pageMap ?? null)).toBeLessThanOrEqual(FRAME_BUDGET_BYTES);
		}
	});
});
