import { describe, expect, it } from 'vitest';
import { constantBandwidth, linkShare, pagesPerMs } from '$lib/core/engine/bandwidth';
import {
	createPrecopy,
	type CreatePrecopyOptions,
	type PrecopyPhase
} from '$lib/core/engine/precopy';
import { zvmPolicy } from '$lib/core/engine/policy-zvm';
import { qemuPolicy } from '$lib/core/engine/policy-qemu';
import { xenPolicy } from '$lib/core/engine/policy-xen';
import type { TransferPolicy } from '$lib/core/engine/transfer-policy';
import { presetWorkload, type WorkloadSpec } from '$lib/core/engine/workload';
import { buildLink } from '$lib/core/model/link';

const GiB = 2 ** 30 / 4096;
const FAST = () => linkShare(buildLink('A', 'B', 4, 16)); // 14 writable CTCs: 1,400 MB/s

/** Pre-copy for exactly `n` passes, then one stop-and-copy round: isolates the pass mechanics. */
function fixedPasses(n: number, quiescedPasses: 1 | 2 = 1): TransferPolicy {
	return {
		name: `fixed ${n}`,
		quiescedPasses,
		decide: (s) =>
			s.passes.length < n
				? { action: 'continue', reason: 'fixed' }
				: { action: 'quiesce', reason: 'fixed' }
	};
}

function uniform(pages: number, writesPerS: number, pattern: 'random' | 'sweep'): WorkloadSpec {
	return {
		name: 'uniform',
		residentPages: pages,
		hotPages: pages,
		hotWritesPerS: writesPerS,
		coldWritesPerS: 0,
		skew: 0,
		pattern
	};
}

function run(
	o: Partial<CreatePrecopyOptions> & Pick<CreatePrecopyOptions, 'guestPages' | 'workload'>
) {
	return createPrecopy({ seed: 1, bandwidthMBps: FAST(), policy: zvmPolicy(), ...o }).run();
}

describe('closed form for uniform dirtying: V(i) = V(0)·r^i, r = D/B (MODEL-NOTES)', () => {
	const M = 2 ** 18; // 1 GiB
	const mbps = 100;
	const B = pagesPerMs(mbps) * 1000; // pages/s
	const r = 0.5;

	it('a sweeping writer (every write a new page) follows the series within 3 pages', () => {
		const rep = run({
			guestPages: M,
			workload: uniform(M, r * B, 'sweep'),
			bandwidthMBps: constantBandwidth(mbps),
			policy: fixedPasses(8)
		});
		expect(rep.outcome).toBe('completed');
		expect(rep.passes).toHaveLength(9);
		rep.passes.forEach((p, i) => expect(Math.abs(p.pages - M * r ** i)).toBeLessThanOrEqual(3));
		// Pre-copy time (M/B)(1 − r^n)/(1 − r), and the stop-and-copy M·r^n/B (ms).
		const n = 8;
		const precopyMs = (((M / B) * (1 - r ** n)) / (1 - r)) * 1000;
		expect(rep.passes[n - 1]!.endMs).toBeCloseTo(precopyMs, 0);
		expect(rep.quiesceMs).toBeCloseTo(((M * r ** n) / B) * 1000, 0);
	});

	it('uniform random writes follow it within r/(2(1−r)) + 4/√V (repeat writes, sampling noise)', () => {
		const M4 = 4 * GiB;
		const rr = 0.1;
		const rep = run({
			guestPages: M4,
			workload: uniform(M4, rr * B, 'random'),
			bandwidthMBps: constantBandwidth(mbps),
			policy: fixedPasses(5)
		});
		// A page written twice in a pass counts once: V(i+1) = M(1 − e^(−r·V(i)/M)), at most
		// r/2 below r·V(i) per pass; the rest is binomial noise, about √V.
		for (let i = 1; i < rep.passes.length; i++) {
			const expected = M4 * rr ** i;
			if (expected < 50) break;
			const tol = rr / (2 * (1 - rr)) + 4 / Math.sqrt(expected);
			expect(Math.abs(rep.passes[i]!.pages / expected - 1)).toBeLessThanOrEqual(tol);
		}
		expect(rep.passes[0]!.pages).toBe(M4);
	});

	it('the series breaks down as the theory says when r > 1: passes never shrink', () => {
		const rep = run({
			guestPages: M,
			workload: uniform(M, 1.5 * B, 'sweep'),
			bandwidthMBps: constantBandwidth(mbps),
			policy: fixedPasses(4)
		});
		for (const p of rep.passes) expect(p.pages).toBe(M);
	});
});

describe('pre-copy passes', () => {
	it('sends all resident pages in pass 1, then only what changed; quiesced CPUs write nothing', () => {
		const { io: _io, ...cpuOnly } = presetWorkload('database', 4 * GiB);
		const rep = run({ guestPages: 4 * GiB, workload: cpuOnly });
		expect(rep.outcome).toBe('completed');
		expect(rep.passes[0]!.pages).toBe(Math.round(4 * GiB * 0.9));
		expect(rep.passes.at(-1)!.pages).toBe(0); // the guest was stopped and does no I/O
		expect(rep.passes.map((p) => p.quiesced).slice(-2)).toEqual([true, true]);
		expect(rep.passes.filter((p) => p.quiesced)).toHaveLength(2);
		expect(rep.pagesSent).toBe(rep.passes.reduce((a, p) => a + p.pages, 0));
		for (let i = 1; i < rep.passes.length; i++) {
			expect(rep.passes[i]!.n).toBe(i + 1);
			expect(rep.passes[i]!.startMs).toBe(rep.passes[i - 1]!.endMs);
		}
		const quiesceStart = rep.passes.find((p) => p.quiesced)!.startMs;
		expect(rep.quiesceMs).toBeCloseTo(rep.totalMs - quiesceStart, 9);
	});

	it('is deterministic: the same seed gives the same report, another seed another one', () => {
		const o = { guestPages: GiB, workload: 'sap' as const };
		expect(run(o)).toEqual(run(o));
		const gc = { guestPages: GiB, workload: 'java-gc' as const };
		expect(run(gc)).toEqual(run(gc));
		expect(run({ ...o, seed: 2 }).passes).not.toEqual(run(o).passes);
	});

	it('stepping on the slice grid gives the same passes as one run; any slicing, nearly the same', () => {
		const o: CreatePrecopyOptions = {
			guestPages: GiB,
			workload: 'sap',
			seed: 3,
			bandwidthMBps: linkShare(buildLink('A', 'B', 1, 4)),
			policy: zvmPolicy()
		};
		const whole = createPrecopy(o).run();
		const grid = createPrecopy(o);
		for (let t = 100; grid.outcome === 'running'; t += 100) grid.step(t);
		expect(grid.report()).toEqual(whole);
		const odd = createPrecopy(o);
		for (let t = 37; odd.outcome === 'running'; t += 37) odd.step(t);
		const r = odd.report();
		expect(r.passes.length).toBe(whole.passes.length);
		r.passes.forEach((p, i) => {
			expect(Math.abs(p.pages - whole.passes[i]!.pages)).toBeLessThanOrEqual(
				Math.max(3, whole.passes[i]!.pages * 0.001)
			);
		});
	});

	it('a busy guest needs more passes and time than an idle one, its quiesce still within the target', () => {
		const bandwidthMBps = linkShare(buildLink('A', 'B', 1, 4)); // 3 written: 300 MB/s
		const idle = run({ guestPages: 4 * GiB, workload: 'idle', bandwidthMBps });
		const busy = run({ guestPages: 4 * GiB, workload: 'database', bandwidthMBps });
		expect(busy.passes.length).toBeGreaterThan(idle.passes.length);
		expect(busy.totalMs).toBeGreaterThan(idle.totalMs);
		for (const rep of [idle, busy]) {
			expect(rep.outcome).toBe('completed');
			expect(rep.decisions.at(-1)!.reason).toMatch(/within the 250 ms quiesce target/);
			expect(rep.quiesceMs).toBeLessThanOrEqual(250);
		}
		expect(busy.quiesceMs).toBeGreaterThan(idle.quiesceMs);
	});

	it('a bigger guest takes longer to relocate (000 §3.2.1, virtual memory size)', () => {
		const small = run({ guestPages: GiB, workload: 'web' });
		const big = run({ guestPages: 8 * GiB, workload: 'web' });
		expect(big.totalMs).toBeGreaterThan(small.totalMs * 4);
	});

	it('fewer CTCs: longer relocation and longer quiesce (000 §3.2.1, 001 "How many do I need?")', () => {
		const o = { guestPages: 4 * GiB, workload: 'web' as const };
		const four = run({ ...o, bandwidthMBps: FAST() });
		const one = run({ ...o, bandwidthMBps: linkShare(buildLink('A', 'B', 1, 2)) });
		expect(one.totalMs).toBeGreaterThan(four.totalMs * 5);
		expect(one.quiesceMs).toBeGreaterThan(four.quiesceMs);
	});

	it('concurrent relocations share the link: half the bandwidth, twice the first pass', () => {
		const link = buildLink('A', 'B', 4, 16);
		const alone = run({ guestPages: GiB, workload: 'idle', bandwidthMBps: linkShare(link, 1) });
		const shared = run({ guestPages: GiB, workload: 'idle', bandwidthMBps: linkShare(link, 2) });
		expect(shared.passes[0]!.endMs).toBeCloseTo(alone.passes[0]!.endMs * 2, 3);
	});

	it('a CTC failure mid-pass slows the pass; a severed link stops it until it is restored', () => {
		const link = buildLink('A', 'B', 2, 8); // 7 writable: 400 + 300 MB/s
		const e = createPrecopy({
			guestPages: 4 * GiB,
			workload: 'idle',
			seed: 1,
			bandwidthMBps: linkShare(link),
			policy: zvmPolicy()
		});
		e.step(1000);
		link.chpids[0]!.failed = true; // 4 CTCs left, 3 written: 300 MB/s
		e.step(2000);
		const sentAt2s = e.status().currentPassSent;
		expect(sentAt2s).toBeCloseTo(pagesPerMs(700) * 1000 + pagesPerMs(300) * 1000, -1);
		link.severed = true;
		e.step(5000);
		expect(e.status().currentPassSent).toBe(sentAt2s);
		expect(e.estimatePassEndMs()).toBe(Infinity);
		link.severed = false;
		const rep = e.run();
		expect(rep.outcome).toBe('completed');
	});
});

describe('stopping: MAXQUIESCE, MAXTOTAL, CANCEL, give-up', () => {
	it('a memory muncher never converges; MAXQUIESCE 3 s cancels its quiesce at 3 s (000 A.1.7)', () => {
		const o = { guestPages: 4 * GiB, workload: 'muncher' as const };
		const ok = run({ ...o, maxQuiesceMs: 10_000 });
		expect(ok.outcome).toBe('completed');
		for (const p of ok.passes.filter((p) => !p.quiesced)) expect(p.pages).toBe(4 * GiB);
		expect(ok.decisions.at(-1)!.reason).toMatch(/stopped shrinking/);
		expect(ok.quiesceMs).toBeGreaterThan(3000);
		const e = createPrecopy({
			...o,
			seed: 1,
			bandwidthMBps: FAST(),
			policy: zvmPolicy({ maxQuiesceMs: 3000 }),
			maxQuiesceMs: 3000
		});
		const cut = e.run();
		expect(cut.outcome).toBe('max-quiesce');
		expect(cut.quiesceMs).toBe(3000);
		expect(e.phase).toBe('done');
	});

	it('MAXTOTAL stops the relocation exactly at the limit; a limit it meets is not exceeded', () => {
		const o = { guestPages: 4 * GiB, workload: 'database' as const };
		const cut = run({ ...o, maxTotalMs: 1000 });
		expect(cut.outcome).toBe('max-total');
		expect(cut.totalMs).toBe(1000);
		const full = run(o);
		expect(run({ ...o, maxTotalMs: full.totalMs }).outcome).toBe('completed');
	});

	it('CANCEL between steps stops it where it is, with the pages sent so far', () => {
		const e = createPrecopy({
			guestPages: 4 * GiB,
			workload: 'web',
			seed: 1,
			bandwidthMBps: FAST(),
			policy: zvmPolicy()
		});
		e.step(500);
		e.cancel();
		e.step(10_000);
		const rep = e.report();
		expect(rep.outcome).toBe('cancelled');
		expect(rep.totalMs).toBe(500);
		expect(rep.passes).toHaveLength(0);
		expect(Math.abs(rep.pagesSent - pagesPerMs(1400) * 500)).toBeLessThanOrEqual(1);
	});

	it('a policy that gives up ends the transfer without a quiesce', () => {
		const giveUp: TransferPolicy = {
			name: 'gives up',
			quiescedPasses: 1,
			decide: (s) =>
				s.passes.length < 2
					? { action: 'continue', reason: 'try' }
					: { action: 'give-up', reason: 'changing pages cannot be transferred in time' }
		};
		const rep = run({ guestPages: GiB, workload: 'database', policy: giveUp });
		expect(rep.outcome).toBe('gave-up');
		expect(rep.quiesceMs).toBe(0);
		expect(rep.passes.every((p) => !p.quiesced)).toBe(true);
	});

	it('nothing left to pre-copy quiesces even if the policy would go on', () => {
		const still: WorkloadSpec = { ...uniform(1000, 0, 'random'), name: 'still' };
		const rep = run({ guestPages: GiB, workload: still, policy: fixedPasses(99) });
		expect(rep.outcome).toBe('completed');
		expect(rep.decisions[0]!.reason).toMatch(/nothing left to pre-copy/);
	});
});

describe('z/VM specifics: IMMEDIATE, guest state, phases and STATUS', () => {
	const slow = () => linkShare(buildLink('A', 'B', 1, 4)); // 3 written: 300 MB/s

	it('IMMEDIATE: one pass then quiesce: shorter relocation, longer quiesce (000 §3.6.1)', () => {
		const o = { guestPages: 4 * GiB, workload: 'database' as const, bandwidthMBps: slow() };
		const normal = run(o);
		const immediate = run({ ...o, policy: zvmPolicy({ immediate: true, maxQuiesceMs: Infinity }) });
		expect(immediate.passes.filter((p) => !p.quiesced)).toHaveLength(1);
		expect(normal.passes.filter((p) => !p.quiesced).length).toBeGreaterThan(1);
		expect(immediate.quiesceMs).toBeGreaterThan(normal.quiesceMs);
		expect(immediate.totalMs).toBeLessThan(normal.totalMs);
	});

	it('guest state and I/O devices move between the two quiesced passes, inside the quiesce', () => {
		const { io: _io, ...web } = presetWorkload('web', GiB);
		const o = { guestPages: GiB, workload: web };
		const plain = run(o);
		const withState = run({ ...o, guestStateMs: 40 });
		expect(withState.quiesceMs).toBeCloseTo(plain.quiesceMs + 40, 9);
		const [pen, fin] = withState.passes.slice(-2);
		expect(fin!.startMs).toBeCloseTo(pen!.endMs + 40, 9);
	});

	it('the final pass carries what I/O wrote while quiesced, up to its buffer ring (issue 3, phase machine)', () => {
		const spec = presetWorkload('web', GiB);
		expect(spec.io).toEqual({ bufferPages: 1024, writesPerS: 2_500 });
		// 40 ms of guest state at 2,500 writes/s: 100 I/O writes, plus those during the penultimate pass.
		const rep = run({ guestPages: GiB, workload: spec, guestStateMs: 40 });
		const [pen, fin] = rep.passes.slice(-2);
		const quiescedMs = fin!.startMs - pen!.startMs;
		const writes =
			Math.floor((2_500 * fin!.startMs) / 1000) - Math.floor((2_500 * pen!.startMs) / 1000);
		expect(quiescedMs).toBeGreaterThanOrEqual(40);
		expect(fin!.pages).toBe(Math.min(1024, writes));
		expect(fin!.pages).toBeGreaterThanOrEqual(100);
		expect(fin!.endMs).toBeGreaterThan(fin!.startMs);
		// A long quiesce fills the ring and no more: the final pass never exceeds it.
		const long = run({ guestPages: GiB, workload: spec, guestStateMs: 5_000 });
		expect(long.passes.at(-1)!.pages).toBe(1024);
	});

	it('I/O buffers must fit the hot working set (a named error otherwise)', () => {
		const spec = { ...presetWorkload('idle', GiB), io: { bufferPages: GiB, writesPerS: 1 } };
		expect(() => run({ guestPages: GiB, workload: spec })).toThrow(/I\/O buffers/);
		const rate = { ...presetWorkload('idle', GiB), io: { bufferPages: 8, writesPerS: -1 } };
		expect(() => run({ guestPages: GiB, workload: rate })).toThrow(/I\/O buffers/);
	});

	it('goes pre-copy → Moving Guest (penultimate) → Final Mem Copy → done; STATUS counts passes', () => {
		const e = createPrecopy({
			guestPages: GiB,
			workload: 'database',
			seed: 1,
			bandwidthMBps: FAST(),
			policy: zvmPolicy(),
			guestStateMs: 50
		});
		const seen: PrecopyPhase[] = [];
		let midPass2 = null as ReturnType<typeof e.status> | null;
		for (let t = 2; e.outcome === 'running'; t += 2) {
			e.step(t);
			if (seen.at(-1) !== e.phase) seen.push(e.phase);
			const st = e.status();
			if (!midPass2 && st.currentPass === 2 && st.currentPassSent > 0) midPass2 = st;
		}
		// While quiesced only the guest's I/O writes its memory (the database's 2,048-page ring
		// fills in 50 ms at 10,000 writes/s): the final pass sends that, and takes time.
		expect(seen).toEqual(['pre-copy', 'quiesced-penultimate', 'quiesced-final', 'done']);
		const rep = e.report();
		const fin = rep.passes.at(-1)!;
		expect(fin).toMatchObject({ n: 3, quiesced: true });
		expect(fin.pages).toBeGreaterThan(0);
		expect(fin.pages).toBeLessThanOrEqual(2048);
		expect(fin.endMs).toBeGreaterThan(fin.startMs);
		expect(midPass2!.passesDone).toBe(1);
		expect(midPass2!.pagesSentDone).toBe(rep.passes[0]!.pages);
		expect(e.status()).toMatchObject({ passesDone: 3, currentPassSent: 0 });
	});

	it('a single stop-and-copy round (QEMU, Xen) runs in the final phase only', () => {
		const e = createPrecopy({
			guestPages: 4 * GiB,
			workload: 'web',
			seed: 1,
			bandwidthMBps: FAST(),
			policy: qemuPolicy({ maxBandwidthMBps: Infinity })
		});
		const seen: PrecopyPhase[] = [];
		for (let t = 1; e.outcome === 'running'; t += 1) {
			e.step(t);
			if (seen.at(-1) !== e.phase) seen.push(e.phase);
		}
		expect(seen).toEqual(['pre-copy', 'quiesced-final', 'done']);
	});
});

describe('QEMU- and Xen-style policies on the same engine', () => {
	it('QEMU never completes a muncher (no iteration cap); Xen stops at 3× memory and copies the rest', () => {
		const o = { guestPages: GiB, workload: 'muncher' as const };
		const qemu = createPrecopy({
			...o,
			seed: 1,
			bandwidthMBps: FAST(),
			policy: qemuPolicy({ maxBandwidthMBps: Infinity })
		}).run(60_000);
		expect(qemu.outcome).toBe('running');
		expect(qemu.passes.length).toBeGreaterThan(50);
		const xen = run({ ...o, policy: xenPolicy() });
		expect(xen.outcome).toBe('completed');
		expect(xen.decisions.at(-1)!.reason).toMatch(/3×/);
		expect(xen.passes.filter((p) => p.quiesced)).toHaveLength(1);
	});

	it('QEMU converges an idle guest and caps its rate at max-bandwidth', () => {
		const rep = run({ guestPages: GiB, workload: 'idle', policy: qemuPolicy() });
		expect(rep.outcome).toBe('completed');
		const p1 = rep.passes[0]!;
		expect(p1.pages / (p1.endMs - p1.startMs)).toBeCloseTo(pagesPerMs(134.217728), 3);
	});

	it('Xen (current) stops by 5 iterations on a busy guest where z/VM stops earlier', () => {
		const rep = run({
			guestPages: 4 * GiB,
			workload: 'sap',
			policy: xenPolicy({ variant: 'current' })
		});
		expect(rep.passes.filter((p) => !p.quiesced).length).toBeLessThanOrEqual(5);
		expect(rep.outcome).toBe('completed');
	});
});
