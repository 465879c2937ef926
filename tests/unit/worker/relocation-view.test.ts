// The relocation part of a frame, built from a real simulation in Node: the summary of each
// relocation (STATUS strings, pass counts, outcome and messages), the relocating guest listed
// on both members, and the down-sampled page map of the watched transfer.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '$lib/core/engine/frame';
import { CellValue } from '$lib/core/engine/page-map-image';
import type { Simulation } from '$lib/core/simulation';
import {
	MAX_PASSES_SHOWN,
	MAX_RELOCATION_MESSAGES,
	PAGE_MAP_HEIGHT,
	PAGE_MAP_WIDTH,
	RECENT_RELOCATIONS,
	type GuestSummary,
	type RelocationView,
	type SimView
} from '$lib/worker/protocol';
import {
	pageMapFrame,
	pageMapKey,
	relocationsShown,
	relocationView,
	RELOCATION_STEPS,
	watchedRelocation
} from '$lib/worker/relocation-view';
import { buildView } from '$lib/worker/view';
import { body, boot, cmd, sec } from '../core/commands/helpers';

const META = { frame: 1, generation: 1, title: 't', source: 's', playing: false, speed: 1 };

function view(sim: Simulation, watch: number | null = null): SimView {
	return buildView(sim, { ...META, watch }, null);
}

function guestsOf(v: SimView, member: string): GuestSummary[] {
	const m = v.members.find((x) => x.name === member);
	if (!m) throw new Error(`no member ${member}`);
	return m.guests;
}

/** itsossia with ITSOLNX1 moving from ITSOSSI1 to ITSOSSI2 (issued at 2 s). */
function moving(): Simulation {
	const sim = boot('itsossia');
	sim.runUntil(sec(2));
	const r = cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
	expect(r.lines[0]).toBe('Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started');
	return sim;
}

/** Runs a second at a time until the first relocation ends, collecting its view each second. */
function runToEnd(sim: Simulation, limitMs = sec(3600)): RelocationView[] {
	const seen: RelocationView[] = [];
	const stop = sim.now + limitMs;
	while (sim.now < stop) {
		sim.runUntil(sim.now + 1000);
		const r = view(sim).relocations[0];
		if (!r) continue;
		seen.push(r);
		if (r.outcome !== null) return seen;
	}
	throw new Error('the relocation did not end');
}

describe('relocation summaries in a frame', () => {
	it('show a running relocation with its VMRELOCATE STATUS string and STATUS DETAILS pass counts', () => {
		const sim = moving();
		sim.runUntil(sec(6));
		const v = view(sim);
		expect(v.relocations).toHaveLength(1);
		const r = v.relocations[0]!;
		expect(r).toMatchObject({
			id: 1,
			user: 'ITSOLNX1',
			from: 'ITSOSSI1',
			to: 'ITSOSSI2',
			phase: 'MovingMemory',
			status: 'Moving Memory',
			outcome: null,
			quiesced: false,
			elapsedMs: sec(4),
			maxQuiesceMs: 10_000,
			maxTotalMs: null,
			options: 'SYNCH IMMED NO · MAXTOTAL NOLIMIT · MAXQUIESCE 10 sec'
		});
		expect(r.currentPass).toBeGreaterThanOrEqual(1);
		expect(r.currentPassSent).toBeGreaterThan(0);
		expect(r.currentPassLeft).toBeGreaterThan(0);
		expect(r.guestPages).toBeGreaterThan(0);
		expect(r.pagesSent).toBe(r.pagesSentDone + r.currentPassSent);
		// The same figures and string as VMRELOCATE STATUS DETAILS on the console.
		const status = body(cmd(sim, 'ITSOSSI1', 'vmrelocate status itsolnx1 details'));
		expect(status[1]).toMatch(/^ITSOLNX1 ITSOSSI1 ITSOSSI2 \S+\s+Moving Memory\s+\d\d:\d\d:\d\d$/);
		expect(status.at(-1)).toBe(
			`Total pages sent ${r.pagesSentDone} in ${r.passesDone} passes; ${r.currentPassSent} pages sent in pass ${r.currentPass}`
		);
		// The phase strip is labelled with STATUS's strings.
		expect(v.relocationPhases.map((s) => s.label)).toEqual(
			expect.arrayContaining(['Moving Memory', 'Moving Guest', 'Final Mem Copy', 'Cleaning Up'])
		);
		expect(v.relocationPhases.filter((s) => s.quiesced).map((s) => s.label)).toEqual([
			'Moving Guest',
			'Final Mem Copy'
		]);
	});

	it('follow the relocation to its end with counts that only grow, then show it relocated', () => {
		const sim = moving();
		const seen = runToEnd(sim);
		const order = RELOCATION_STEPS.map((s) => s.label);
		for (let i = 1; i < seen.length; i++) {
			const [a, b] = [seen[i - 1]!, seen[i]!];
			expect(b.pagesSent).toBeGreaterThanOrEqual(a.pagesSent);
			expect(b.elapsedMs).toBeGreaterThanOrEqual(a.elapsedMs);
			if (b.outcome === null) {
				expect(b.currentPass).toBeGreaterThanOrEqual(a.currentPass);
				expect(order.indexOf(b.status)).toBeGreaterThanOrEqual(order.indexOf(a.status));
			}
		}
		const end = seen.at(-1)!;
		expect(end).toMatchObject({ outcome: 'relocated', status: 'relocated', phase: 'Relocated' });
		expect(end.passesDone).toBeGreaterThanOrEqual(2);
		expect(end.passes.length).toBe(Math.min(end.passesDone, MAX_PASSES_SHOWN));
		expect(end.passes.some((p) => p.quiesced)).toBe(true);
		expect(end.passes.map((p) => p.pages).reduce((a, b) => a + b, 0)).toBe(end.pagesSent);
		expect(end.quiesceMs).toBeGreaterThan(0);
		expect(end.currentPassLeft).toBeNull();
		expect(end.messages.at(-1)).toBe('User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2');
	});

	it('end with the outcome and CP reasons when MAXQUIESCE is exceeded (000 App. A.1.7)', () => {
		const sim = boot('a17-maxquiesce');
		const end = runToEnd(sim).at(-1)!;
		expect(end).toMatchObject({ user: 'LNXSU11', outcome: 'cancelled', status: 'cancelled' });
		expect(end.messages).toContain('HCPRLU1930I LNXSU11: The maximum quiesce time was exceeded');
		expect(end.options).toContain('MAXQUIESCE 3 sec');
		// The guest stays on the source only.
		const v = view(sim);
		expect(guestsOf(v, 'ITSOSSI5').map((g) => [g.user, g.relocation])).toEqual([['LNXSU11', null]]);
		expect(guestsOf(v, 'ITSOSSI6')).toEqual([]);
	});

	it('show a rejected MOVE with its reasons and no memory figures', () => {
		const sim = boot('a18-paging');
		sim.runUntil(sec(10));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 to itsossi6');
		const r = view(sim).relocations.at(-1)!;
		expect(r).toMatchObject({ outcome: 'rejected', status: 'rejected', guestPages: null });
		expect(r.passesDone).toBe(0);
		expect(r.messages.some((m) => m.startsWith('HCPRLH1940E'))).toBe(true);
		expect(r.messages.length).toBeLessThanOrEqual(MAX_RELOCATION_MESSAGES);
	});

	it('keep every relocation in progress and only the last few ended ones', () => {
		const sim = boot('itsossia');
		sim.runUntil(sec(2));
		// Rejected MOVEs (to the member the guest is on) pile up as ended relocations.
		for (let i = 0; i < RECENT_RELOCATIONS + 3; i++)
			cmd(sim, 'ITSOSSI2', 'vmrelocate move itsolnx2 to itsossi9');
		cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async');
		for (let i = 0; i < 2; i++) cmd(sim, 'ITSOSSI3', 'vmrelocate move itsolnx3 to itsossi9');
		sim.runUntil(sec(4));
		const shown = relocationsShown(sim.state);
		expect(shown.filter((r) => r.outcome !== null)).toHaveLength(RECENT_RELOCATIONS);
		expect(shown.filter((r) => r.outcome === null).map((r) => r.user)).toEqual(['ITSOLNX1']);
		// In issue order, the newest last.
		const ids = shown.map((r) => r.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(ids.at(-1)).toBe(sim.state.relocations.length);
	});

	it('cap the pass list, keeping the latest passes', () => {
		const sim = moving();
		runToEnd(sim);
		const rel = sim.state.relocations[0]!;
		const many = Array.from({ length: MAX_PASSES_SHOWN + 5 }, (_, i) => ({
			n: i + 1,
			pages: 10,
			startMs: i * 100.123456,
			endMs: i * 100.123456 + 50,
			quiesced: false
		}));
		const r = relocationView(sim.state, { ...rel, passes: many });
		expect(r.passes).toHaveLength(MAX_PASSES_SHOWN);
		expect(r.passes[0]!.n).toBe(6);
		expect(r.passes.at(-1)!.n).toBe(MAX_PASSES_SHOWN + 5);
		// Times are kept to a tenth of a millisecond.
		expect(r.passes[0]!.startMs).toBe(500.6);
	});
});

describe('the relocating guest on the member cards', () => {
	it('is listed on both members while it moves, then only on the destination', () => {
		const sim = moving();
		sim.runUntil(sec(5));
		let v = view(sim);
		expect(guestsOf(v, 'ITSOSSI1').find((g) => g.user === 'ITSOLNX1')).toEqual({
			user: 'ITSOLNX1',
			status: 'disconnected',
			kind: 'USER',
			workload: 'idle',
			runsHere: true,
			relocation: { id: 1, role: 'leaving', peer: 'ITSOSSI2', status: 'Moving Memory' }
		});
		expect(guestsOf(v, 'ITSOSSI2').find((g) => g.user === 'ITSOLNX1')).toEqual({
			user: 'ITSOLNX1',
			status: 'disconnected',
			kind: 'USER',
			workload: 'idle',
			runsHere: false,
			relocation: { id: 1, role: 'arriving', peer: 'ITSOSSI1', status: 'Moving Memory' }
		});
		// The other guests are untouched.
		expect(guestsOf(v, 'ITSOSSI2').find((g) => g.user === 'ITSOLNX2')?.relocation).toBeNull();

		// Step by step through the end: whenever the source cleans up, the guest runs on the
		// destination and the source shows only its stale image.
		const rel = sim.state.relocations[0]!;
		let sawCleanup = false;
		while (rel.outcome === null && sim.step()) {
			if (rel.phase !== 'CleaningUp') continue;
			sawCleanup = true;
			v = view(sim);
			expect(guestsOf(v, 'ITSOSSI2').find((g) => g.user === 'ITSOLNX1')).toMatchObject({
				runsHere: true,
				relocation: { role: 'arrived', status: 'Cleaning Up' }
			});
			expect(guestsOf(v, 'ITSOSSI1').find((g) => g.user === 'ITSOLNX1')).toMatchObject({
				runsHere: false,
				relocation: { role: 'leaving', status: 'Cleaning Up' }
			});
		}
		expect(sawCleanup).toBe(true);
		v = view(sim);
		expect(guestsOf(v, 'ITSOSSI1').map((g) => g.user)).not.toContain('ITSOLNX1');
		expect(guestsOf(v, 'ITSOSSI2').find((g) => g.user === 'ITSOLNX1')).toEqual({
			user: 'ITSOLNX1',
			status: 'disconnected',
			kind: 'USER',
			workload: 'idle',
			runsHere: true,
			relocation: null
		});
	});
});

describe('the page map of the watched transfer', () => {
	it('is the latest relocation moving memory, or one asked for by id', () => {
		const sim = boot('itsossia');
		sim.runUntil(sec(2));
		expect(watchedRelocation(sim.state, null)).toBeNull();
		expect(view(sim).watching).toBeNull();
		cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async');
		cmd(sim, 'ITSOSSI3', 'vmrelocate move itsolnx3 to itsossi4 async');
		sim.runUntil(sec(3));
		expect(watchedRelocation(sim.state, null)?.user).toBe('ITSOLNX3');
		expect(watchedRelocation(sim.state, 1)?.user).toBe('ITSOLNX1');
		expect(view(sim, 1).watching).toBe(1);
		expect(view(sim).watching).toBe(2);
		expect(watchedRelocation(sim.state, 99)).toBeNull();
	});

	it('is one transferable buffer: counters, then a 256×128 image of cell codes', () => {
		const sim = moving();
		sim.runUntil(sec(10));
		const rel = watchedRelocation(sim.state, null);
		const frame = pageMapFrame(sim.state, rel);
		expect(frame).not.toBeNull();
		expect(frame!.relocation).toBe(1);
		expect(frame!.user).toBe('ITSOLNX1');
		const { counters, image } = decodeFrame(frame!.buffer);
		expect(frame!.buffer.byteLength).toBe(16 * 8 + PAGE_MAP_WIDTH * PAGE_MAP_HEIGHT);
		expect(counters.width).toBe(PAGE_MAP_WIDTH);
		expect(counters.height).toBe(PAGE_MAP_HEIGHT);
		const r = view(sim).relocations[0]!;
		expect(counters.pages).toBe(r.guestPages);
		expect(counters.currentPass).toBe(r.currentPass);
		expect(counters.currentPassSent).toBe(r.currentPassSent);
		expect(counters.inFlight).toBe(r.currentPassLeft);
		// Mid-way through pass 1: some cells sent, some still to send in this pass.
		const codes = new Set(image);
		expect(codes.has(CellValue.Sent) || codes.has(CellValue.Dirty)).toBe(true);
		expect(codes.has(CellValue.InFlight)).toBe(true);
		for (const c of codes) expect(c).toBeLessThanOrEqual(CellValue.NotResident);
	});

	it('has a key that changes only when the engine moves on', () => {
		const sim = moving();
		sim.runUntil(sec(5));
		const rel = watchedRelocation(sim.state, null);
		const k1 = pageMapKey(sim.state, rel);
		expect(k1).not.toBe('');
		// Reading it (a frame, a STATUS) does not step the engine.
		pageMapFrame(sim.state, rel);
		view(sim);
		expect(pageMapKey(sim.state, rel)).toBe(k1);
		sim.runUntil(sec(6));
		expect(pageMapKey(sim.state, rel)).not.toBe(k1);
		// Once the transfer is over there is no map to send.
		runToEnd(sim);
		expect(pageMapKey(sim.state, rel)).toBe('');
		expect(pageMapFrame(sim.state, rel)).toBeNull();
		// ... but the ended relocation stays the one watched, so its last image can stay on screen.
		expect(view(sim).watching).toBe(1);
	});
});
