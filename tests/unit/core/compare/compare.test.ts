// Compare mode (issue 4): the same relocation under two settings on one clock. Every setting
// changes what it should (the link's CTCs and CHPIDs its bandwidth, IMMEDIATE the passes and the
// quiesce, the policy its stop rule, the limits the outcome), both sides are deterministic and
// advance together, and the differences read right in numbers and in words.
import { describe, expect, it } from 'vitest';
import { CompareRun } from '$lib/core/compare/compare';
import { differenceSentence, describeSide, sideSteps } from '$lib/core/compare/describe';
import { formatRatio, formatSpan } from '$lib/core/compare/differences';
import {
	BASE_SIDE,
	defaultSettings,
	PRESETS,
	type CompareSettings,
	type SideSettings
} from '$lib/core/compare/settings';
import { sideLinkMBps, SideRun } from '$lib/core/compare/side';

const GiB = 2 ** 30;

/** Runs A against B to the end. */
function compare(a: SideSettings, b: SideSettings, seed = 1, horizonMs?: number) {
	const run = new CompareRun({ seed, a, b }, horizonMs === undefined ? {} : { horizonMs });
	run.runToEnd();
	return { run, a: run.sides.a.status(), b: run.sides.b.status(), d: run.differences() };
}

const pass1Ms = (s: { passes: { n: number; startMs: number; endMs: number }[] }) => {
	const p = s.passes.find((x) => x.n === 1)!;
	return p.endMs - p.startMs;
};

describe('each setting changes what it should', () => {
	it('fewer CTCs: less bandwidth, so longer passes and a longer relocation', () => {
		const { a, b, d } = compare(BASE_SIDE, { ...BASE_SIDE, ctcsPerChpid: 1 });
		// 4 CTCs on one CHPID write on 3 (300 MB/s); 1 CTC carries 100 MB/s (model/link.ts).
		expect(sideLinkMBps(BASE_SIDE)).toBe(300);
		expect(sideLinkMBps({ ...BASE_SIDE, ctcsPerChpid: 1 })).toBe(100);
		expect(pass1Ms(b)).toBeCloseTo(pass1Ms(a) * 3, -1);
		expect(a.passes[0]!.pages).toBe(b.passes[0]!.pages);
		expect(d.totalMs.b).toBeGreaterThan(d.totalMs.a * 2);
		expect(a.outcome).toBe('relocated');
		expect(b.outcome).toBe('relocated');
	});

	it('more CHPIDs: each CHPID carries at most 400 MB/s, so spreading CTCs over CHPIDs is faster', () => {
		const one = { ...BASE_SIDE, chpids: 1, ctcsPerChpid: 8 };
		const two = { ...BASE_SIDE, chpids: 2, ctcsPerChpid: 4 };
		expect(sideLinkMBps(one)).toBe(400);
		expect(sideLinkMBps(two)).toBe(700);
		const { a, b } = compare(one, two);
		expect(pass1Ms(b)).toBeLessThan(pass1Ms(a));
	});

	it('a bigger guest sends more pages in pass 1 (its resident share) and takes longer', () => {
		const { a, b } = compare(BASE_SIDE, { ...BASE_SIDE, memoryBytes: 8 * GiB });
		// web: half of storage resident.
		expect(a.passes[0]!.pages).toBe((4 * GiB) / 4096 / 2);
		expect(b.passes[0]!.pages).toBe((8 * GiB) / 4096 / 2);
		expect(b.endedAtMs!).toBeGreaterThan(a.endedAtMs!);
	});

	it('a busier workload makes more passes and sends more pages than an idle one', () => {
		const { a, b } = compare(
			{ ...BASE_SIDE, workload: 'idle' },
			{ ...BASE_SIDE, workload: 'database' }
		);
		expect(b.passesDone).toBeGreaterThan(a.passesDone);
		expect(b.pagesSent).toBeGreaterThan(a.pagesSent);
		expect(b.quiesceMs).toBeGreaterThan(a.quiesceMs);
	});

	it('IMMEDIATE: one pre-copy pass, then the quiesce, which is longer (000 §3.6.1)', () => {
		const base = { ...BASE_SIDE, workload: 'database' as const };
		const { a, b, d } = compare(base, { ...base, immediate: true });
		expect(b.passes.filter((p) => !p.quiesced).map((p) => p.n)).toEqual([1]);
		expect(b.passes.filter((p) => p.quiesced)).toHaveLength(2);
		expect(b.passesDone).toBeLessThan(a.passesDone);
		expect(b.quiesceMs).toBeGreaterThan(a.quiesceMs * 3);
		expect(b.lastDecision).toBe('IMMEDIATE: quiesce after pass 1');
		expect(d.sentences).toContain(
			`B's quiesce was ${formatRatio(b.quiesceMs / a.quiesceMs)} longer than A's (${formatSpan(b.quiesceMs)} against ${formatSpan(a.quiesceMs)}).`
		);
	});

	it('the policies stop differently: z/VM quiesces for two passes, QEMU and Xen for one', () => {
		const zvm = compare(BASE_SIDE, { ...BASE_SIDE, policy: 'qemu' });
		const xen = compare(BASE_SIDE, { ...BASE_SIDE, policy: 'xen' });
		expect(zvm.a.passes.filter((p) => p.quiesced)).toHaveLength(2);
		expect(zvm.b.passes.filter((p) => p.quiesced)).toHaveLength(1);
		expect(xen.b.passes.filter((p) => p.quiesced)).toHaveLength(1);
		// QEMU's default max-bandwidth (128 MiB/s) is under this link's 300 MB/s: pass 1 is slower.
		expect(pass1Ms(zvm.b)).toBeGreaterThan(pass1Ms(zvm.a) * 2);
		expect(zvm.b.lastDecision).toMatch(/downtime limit/);
		expect(xen.b.lastDecision).toMatch(/^round \d+ sent/);
		// The phase strips: z/VM's Moving Guest, the one-round policies' stop and copy.
		expect(sideSteps('zvm').map((s) => s.label)).toContain('Moving Guest');
		expect(sideSteps('qemu').map((s) => s.label)).toEqual([
			'Creating Skel',
			'Moving Memory',
			'Stop and copy',
			'Resuming',
			'Cleaning Up'
		]);
		const phases = new CompareRun({ seed: 1, a: BASE_SIDE, b: { ...BASE_SIDE, policy: 'xen' } });
		phases.runToEnd();
		expect(phases.sides.b.phases.map((p) => p.to)).not.toContain('MovingGuest');
		expect(phases.sides.a.phases.map((p) => p.to)).toContain('MovingGuest');
	});

	it('MAXQUIESCE cancels a guest whose quiesce runs over, exactly at the limit (000 A.1.7)', () => {
		const muncher: SideSettings = { ...BASE_SIDE, workload: 'muncher', chpids: 4 };
		const { a, b, d } = compare(
			{ ...muncher, memoryBytes: 2 * GiB },
			{
				...muncher,
				memoryBytes: 2 * GiB,
				maxQuiesce: 1
			}
		);
		expect(a.outcome).toBe('relocated');
		expect(b).toMatchObject({ outcome: 'cancelled', limit: 'MAXQUIESCE', phase: 'Cancelled' });
		expect(b.quiesceMs).toBe(1000);
		expect(b.endedAtMs).toBe(Math.ceil(b.quiescedAtMs! + 1000));
		expect(d.sameOutcome).toBe(false);
		expect(d.sentences[0]).toBe(
			'A relocated; B was cancelled: MAXQUIESCE exceeded, the guest stays on the source.'
		);
	});

	it('MAXTOTAL cancels at the limit, counted from the MOVE', () => {
		const { b } = compare(BASE_SIDE, { ...BASE_SIDE, ctcsPerChpid: 1, maxTotal: 5 });
		expect(b).toMatchObject({ outcome: 'cancelled', limit: 'MAXTOTAL', endedAtMs: 5000 });
		expect(b.quiesceMs).toBe(0);
	});

	it('MAXQUIESCE default is 10 s, NOLIMIT with IMMEDIATE; a NOLIMIT muncher relocates at last', () => {
		const muncher: SideSettings = { ...BASE_SIDE, workload: 'muncher', ctcsPerChpid: 1 };
		const side = (s: SideSettings) => new SideRun(s, 1);
		expect(side(muncher).maxQuiesceMs).toBe(10_000);
		expect(side({ ...muncher, immediate: true }).maxQuiesceMs).toBe(Infinity);
		expect(side({ ...muncher, maxQuiesce: 'NOLIMIT' }).maxQuiesceMs).toBe(Infinity);
		// 4G rewritten faster than 100 MB/s: the quiesce moves it all, about 43 s, over 10 s.
		const { a, b } = compare(muncher, { ...muncher, maxQuiesce: 'NOLIMIT' });
		expect(a).toMatchObject({ outcome: 'cancelled', limit: 'MAXQUIESCE' });
		expect(b.outcome).toBe('relocated');
		expect(b.quiesceMs).toBeGreaterThan(40_000);
	});
});

describe('one clock, deterministic', () => {
	it('advancing the clock advances both sides to the same time', () => {
		const run = new CompareRun(defaultSettings());
		run.advanceTo(2_345);
		expect(run.nowMs).toBe(2_345);
		for (const k of ['a', 'b'] as const) {
			// Each side has run every tick due by then, and none after.
			expect(run.sides[k].nextTickMs).toBeGreaterThan(2_345);
			expect(run.sides[k].phase).toBe('MovingMemory');
		}
		expect(run.done).toBe(false);
	});

	it('gives the same figures however the clock is advanced (frames at any speed, or at once)', () => {
		const settings: CompareSettings = PRESETS.find((p) => p.id === 'immediate')!.settings;
		const once = new CompareRun(settings);
		once.runToEnd();
		const framed = new CompareRun(settings);
		for (let t = 33; !framed.done; t += 33 + (t % 7)) framed.advanceTo(t);
		expect(framed.sides.a.status()).toEqual(once.sides.a.status());
		expect(framed.sides.b.status()).toEqual(once.sides.b.status());
		expect(framed.nowMs).toBe(once.nowMs);
	});

	it('the same seed gives the same run; another seed other writes', () => {
		const s = { ...BASE_SIDE, workload: 'database' as const };
		const x = compare(s, s, 7);
		const y = compare(s, s, 7);
		const z = compare(s, s, 8);
		expect(y.a).toEqual(x.a);
		// Equal settings, equal seed: the sides agree exactly.
		expect(x.b).toEqual(x.a);
		expect(z.a.passes[1]!.pages).not.toBe(x.a.passes[1]!.pages);
	});

	it('stops the clock when the later side ends', () => {
		const { run, a, b } = compare(BASE_SIDE, { ...BASE_SIDE, ctcsPerChpid: 1 });
		expect(run.done).toBe(true);
		expect(run.nowMs).toBe(Math.max(a.endedAtMs!, b.endedAtMs!));
		expect(run.advanceTo(run.nowMs + 10_000)).toBe(run.nowMs);
	});

	it('reports a side that never converges as unfinished at the horizon (QEMU has no cap)', () => {
		const muncher: SideSettings = { ...BASE_SIDE, workload: 'muncher', memoryBytes: GiB };
		const { run, a, b, d } = compare(muncher, { ...muncher, policy: 'qemu' }, 1, 60_000);
		expect(run.done).toBe(true);
		expect(run.nowMs).toBe(60_000);
		expect(a.outcome).not.toBeNull();
		expect(b.outcome).toBeNull();
		expect(d.b.state).toBe('unfinished');
		expect(d.sentences[0]).toMatch(
			/B was still moving memory when the comparison stopped at 1 min\.$/
		);
	});
});

describe('the differences', () => {
	it('B − A and B ÷ A for total time, quiesce time, passes and pages sent', () => {
		const { a, b, d } = compare(BASE_SIDE, { ...BASE_SIDE, ctcsPerChpid: 1 });
		expect(d.final).toBe(true);
		expect(d.totalMs).toEqual({
			a: a.endedAtMs,
			b: b.endedAtMs,
			diff: b.endedAtMs! - a.endedAtMs!,
			ratio: b.endedAtMs! / a.endedAtMs!
		});
		expect(d.quiesceMs.diff).toBeCloseTo(b.quiesceMs - a.quiesceMs, 9);
		expect(d.passes).toMatchObject({ a: a.passesDone, b: b.passesDone });
		expect(d.pagesSent).toMatchObject({ a: a.pagesSent, b: b.pagesSent });
		expect(d.sentences[0]).toBe('Both relocated.');
		expect(d.sentences[1]).toBe(
			`B's total time was ${formatRatio(d.totalMs.ratio!)} longer than A's (${formatSpan(b.endedAtMs!)} against ${formatSpan(a.endedAtMs!)}).`
		);
	});

	it('says so when the figures are the same', () => {
		const { d } = compare(BASE_SIDE, BASE_SIDE);
		expect(d.sentences).toContain(
			`Total time was the same on both sides: ${formatSpan(d.totalMs.a)}.`
		);
		expect(d.sentences).toContain(`Both made ${d.passes.a} passes through memory.`);
	});

	it('are "so far" before both sides end', () => {
		const run = new CompareRun(defaultSettings());
		run.advanceTo(1_000);
		const d = run.differences();
		expect(d.final).toBe(false);
		expect(d.a.state).toBe('running');
		expect(d.totalMs).toMatchObject({ a: 1_000, b: 1_000, diff: 0, ratio: 1 });
	});

	it('ratios and durations read as a learner says them', () => {
		expect(formatRatio(3.24)).toBe('3.2×');
		expect(formatRatio(12.4)).toBe('12×');
		expect(formatSpan(3.43)).toBe('3.4 ms');
		expect(formatSpan(312.8)).toBe('313 ms');
		expect(formatSpan(8122)).toBe('8.12 s');
		expect(formatSpan(125_000)).toBe('2 min 5 s');
		expect(formatSpan(3_600_000)).toBe('1 h 0 min');
	});
});

describe('the settings in words', () => {
	it('each side in one line, and what differs between them', () => {
		expect(describeSide(BASE_SIDE)).toBe('4G web guest · 1 CHPID × 4 CTCs (300 MB/s) · z/VM');
		expect(describeSide({ ...BASE_SIDE, immediate: true, maxTotal: 30 })).toBe(
			'4G web guest · 1 CHPID × 4 CTCs (300 MB/s) · z/VM · IMMEDIATE · MAXTOTAL 30'
		);
		expect(differenceSentence(defaultSettings())).toBe(
			'A and B differ only in CTCs per CHPID (4 against 1).'
		);
		expect(
			differenceSentence({
				seed: 1,
				a: BASE_SIDE,
				b: { ...BASE_SIDE, policy: 'qemu', maxQuiesce: 2 }
			})
		).toBe(
			'A and B differ in Policy (z/VM against QEMU) and MAXQUIESCE (10 s (default) against 2 s).'
		);
		expect(differenceSentence({ seed: 1, a: BASE_SIDE, b: BASE_SIDE })).toMatch(/same settings/);
	});

	it('every preset starts A and B equal but for one thing', () => {
		for (const p of PRESETS) {
			const keys = (Object.keys(p.settings.a) as (keyof SideSettings)[]).filter(
				(k) => p.settings.a[k] !== p.settings.b[k]
			);
			expect(keys, p.id).toHaveLength(1);
		}
	});
});
