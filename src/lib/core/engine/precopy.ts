import { pagesPerMs, type BandwidthFn } from './bandwidth';
import { PageMap } from './page-map';
import type { Action, PassStats, TransferPolicy } from './transfer-policy';
import { presetWorkload, Workload, type WorkloadPreset, type WorkloadSpec } from './workload';

/**
 * Where a transfer is. For z/VM the quiesced phases are the VMRELOCATE STATUS strings
 * "Moving Guest" (guest state, I/O devices and the penultimate memory pass) and "Final Mem Copy";
 * a one-round stop-and-copy (QEMU, Xen) has only the final phase.
 */
export type PrecopyPhase = 'pre-copy' | 'quiesced-penultimate' | 'quiesced-final' | 'done';

/** How a transfer ended: `max-total` and `max-quiesce` are VMRELOCATE's MAXTOTAL and MAXQUIESCE. */
export type PrecopyOutcome =
	'running' | 'completed' | 'cancelled' | 'max-total' | 'max-quiesce' | 'gave-up';

/** One pass through memory, as `npm run sim` reports it (issue 3, "Output for tools"). */
export interface PassRecord {
	n: number;
	pages: number;
	startMs: number;
	endMs: number;
	quiesced: boolean;
}

/** A policy decision, after pre-copy pass `afterPass`. */
export interface DecisionRecord {
	afterPass: number;
	atMs: number;
	action: Action;
	reason: string;
}

export interface PrecopyReport {
	outcome: PrecopyOutcome;
	passes: PassRecord[];
	/** From the start to completion or stop (or to now, while running). */
	totalMs: number;
	/** Time the guest has been quiesced: from the quiesce decision to the end of the last pass. */
	quiesceMs: number;
	/** Pages actually sent, including a pass cut short. */
	pagesSent: number;
	decisions: DecisionRecord[];
}

/** What VMRELOCATE STATUS DETAILS prints: "Total pages sent N in K passes; M pages sent in pass K+1". */
export interface PrecopyStatus {
	phase: PrecopyPhase;
	passesDone: number;
	pagesSentDone: number;
	currentPass: number;
	currentPassSent: number;
}

export interface PrecopyOptions {
	/** The guest's page map, residency already set (see {@link createPrecopy}). */
	readonly map: PageMap;
	readonly workload: Workload;
	/** This transfer's bandwidth over simulated time (e.g. `linkShare`). */
	readonly bandwidthMBps: BandwidthFn;
	readonly policy: TransferPolicy;
	/** Simulated time the transfer starts, ms. Default 0. */
	readonly startMs?: number;
	/** The engine's time grid: bandwidth is sampled once per slice. Default 100 ms. */
	readonly sliceMs?: number;
	/** MAXTOTAL, ms (Infinity for NOLIMIT, the default). */
	readonly maxTotalMs?: number;
	/** MAXQUIESCE, ms (Infinity for NOLIMIT, the default here; the phase machine passes 10 s). */
	readonly maxQuiesceMs?: number;
	/** Time to move guest state and I/O devices after the first quiesced pass. Default 0. */
	readonly guestStateMs?: number;
	/**
	 * What the guest does to its memory over simulated time, sampled like the bandwidth at the
	 * start of each slice: a different spec from then on retunes the workload
	 * ({@link Workload.retune}). Absent: the workload's own spec throughout.
	 */
	readonly workloadAt?: (tMs: number) => WorkloadSpec;
}

/**
 * The pre-copy pass engine. Pass 1 sends every resident page; each later pass sends the pages
 * dirtied while the one before ran (the dirty bitmap read and cleared at its start), with the
 * workload dirtying pages all the while (000 §3.2: "on each pass only moving the memory that
 * changed since the last pass"). After each pre-copy pass the policy decides; on `quiesce` the
 * guest stops and the quiesced passes run with no dirtying.
 *
 * Time is simulated only. {@link Precopy.step} advances to a given time, so the simulation can
 * interleave it with other events and stop it between steps (CANCEL, a failed link); MAXTOTAL
 * and MAXQUIESCE stop it at exactly the limit. Pass ends fall between grid points and are
 * computed exactly. Results depend only on the inputs, the seed and the step targets; stepping
 * on the grid gives the same passes as one {@link Precopy.run}.
 */
export class Precopy {
	readonly map: PageMap;
	readonly workload: Workload;
	readonly policy: TransferPolicy;
	readonly startMs: number;
	private readonly bandwidth: BandwidthFn;
	private readonly sliceMs: number;
	private readonly maxTotalMs: number;
	private readonly maxQuiesceMs: number;
	private readonly guestStateMs: number;
	private readonly workloadAt: ((tMs: number) => WorkloadSpec) | null;

	private now: number;
	private phaseNow: PrecopyPhase = 'pre-copy';
	private outcomeNow: PrecopyOutcome = 'running';
	private readonly passes: PassRecord[] = [];
	private readonly decisions: DecisionRecord[] = [];
	private passN = 1;
	private passPages: number;
	private passStart: number;
	/** False between quiesced passes, while guest state moves. */
	private passActive = true;
	private stateLeftMs = 0;
	private quiescedDone = 0;
	private quiesceStart = NaN;
	private endMs = NaN;
	/** Fraction of a page of bandwidth carried between intervals. */
	private credit = 0;
	private sentTotal = 0;

	constructor(o: PrecopyOptions) {
		this.map = o.map;
		this.workload = o.workload;
		this.policy = o.policy;
		this.bandwidth = o.bandwidthMBps;
		this.startMs = o.startMs ?? 0;
		this.sliceMs = o.sliceMs ?? 100;
		this.maxTotalMs = o.maxTotalMs ?? Infinity;
		this.maxQuiesceMs = o.maxQuiesceMs ?? Infinity;
		this.guestStateMs = o.guestStateMs ?? 0;
		this.workloadAt = o.workloadAt ?? null;
		if (!(this.sliceMs > 0)) throw new RangeError(`pre-copy: slice ${this.sliceMs} ms must be > 0`);
		this.now = this.startMs;
		this.passStart = this.startMs;
		this.passPages = this.map.beginPass(true);
	}

	/** The engine's simulated time, ms. */
	get nowMs(): number {
		return this.now;
	}
	/** Where the transfer is (for z/VM, the VMRELOCATE STATUS string to show). */
	get phase(): PrecopyPhase {
		return this.phaseNow;
	}
	/** `running` until the transfer completes or is stopped. */
	get outcome(): PrecopyOutcome {
		return this.outcomeNow;
	}

	/** Bytes of typed arrays the engine holds for this guest: the page map and the workload's buffer. */
	get memoryBytes(): number {
		return this.map.byteLength + this.workload.scratchBytes;
	}

	/** Advances simulated time to `untilMs`, or less if the transfer ends first. Returns the new time. */
	step(untilMs: number): number {
		while (this.outcomeNow === 'running' && this.now < untilMs) {
			const k = Math.floor((this.now - this.startMs) / this.sliceMs);
			let boundary = this.startMs + (k + 1) * this.sliceMs;
			if (boundary <= this.now) boundary += this.sliceMs;
			this.advance(Math.min(untilMs, boundary), this.startMs + k * this.sliceMs);
			this.checkLimits();
		}
		return this.now;
	}

	/** Runs to the end, or to `horizonMs` of simulated time after the start (default one day). */
	run(horizonMs = 86_400_000): PrecopyReport {
		this.step(this.startMs + horizonMs);
		return this.report();
	}

	/** Stops the transfer now (VMRELOCATE CANCEL, or a failure found by the caller). */
	cancel(): void {
		if (this.outcomeNow !== 'running') return;
		this.finish('cancelled');
	}

	/**
	 * Releases the page map's arrays for reuse once the transfer is over and its report taken.
	 * The engine must not be stepped or read afterwards.
	 */
	dispose(): void {
		this.map.dispose();
	}

	/** The simulated time the current pass would end at the current rate (Infinity if stalled). */
	estimatePassEndMs(): number {
		if (this.outcomeNow !== 'running') return this.now;
		const rate = this.rateAt(this.now);
		const left = this.map.inFlight - this.credit;
		if (!this.passActive) return this.now + this.stateLeftMs;
		if (left <= 0) return this.now;
		return rate > 0 ? this.now + left / rate : Infinity;
	}

	/**
	 * MB/s the transfer moves over its link now: its bandwidth share in the current slice while
	 * a pass has pages to send, 0 while the guest state moves, between passes and once ended.
	 */
	sendingMBps(): number {
		if (this.outcomeNow !== 'running' || !this.passActive || this.map.inFlight === 0) return 0;
		const k = Math.floor((this.now - this.startMs) / this.sliceMs);
		const mbps = Math.max(0, this.bandwidth(this.startMs + k * this.sliceMs));
		return Math.min(mbps, this.policy.rateCapMBps ?? Infinity);
	}

	/** Pass counts for VMRELOCATE STATUS DETAILS. */
	status(): PrecopyStatus {
		const done = this.passes.reduce((a, p) => a + p.pages, 0);
		return {
			phase: this.phaseNow,
			passesDone: this.passes.length,
			pagesSentDone: done,
			currentPass: this.passN,
			currentPassSent: this.sentTotal - done
		};
	}

	/** The passes, times and outcome so far (a copy). */
	report(): PrecopyReport {
		const end = Number.isNaN(this.endMs) ? this.now : this.endMs;
		return {
			outcome: this.outcomeNow,
			passes: this.passes.map((p) => ({ ...p })),
			totalMs: end - this.startMs,
			quiesceMs: Number.isNaN(this.quiesceStart) ? 0 : end - this.quiesceStart,
			pagesSent: this.sentTotal,
			decisions: this.decisions.map((d) => ({ ...d }))
		};
	}

	/** Pages per ms at time `t`, sampled at the start of t's grid slice. */
	private rateAt(gridStart: number): number {
		const mbps = Math.max(0, this.bandwidth(gridStart));
		const cap = this.policy.rateCapMBps ?? Infinity;
		return pagesPerMs(Math.min(mbps, cap));
	}

	private limitMs(): number {
		const total = this.startMs + this.maxTotalMs;
		const quiesce = this.quiesceStart + this.maxQuiesceMs;
		return Number.isNaN(quiesce) ? total : Math.min(total, quiesce);
	}

	private checkLimits(): void {
		if (this.outcomeNow !== 'running') return;
		// The same sums as limitMs(), so a step clamped to a limit always trips it.
		if (this.now >= this.quiesceStart + this.maxQuiesceMs) this.finish('max-quiesce');
		else if (this.now >= this.startMs + this.maxTotalMs) this.finish('max-total');
	}

	/** Sends and dirties from now to `t1` (all in one grid slice), ending passes on the way. */
	private advance(t1: number, gridStart: number): void {
		if (this.workloadAt) this.workload.retune(this.workloadAt(gridStart), gridStart);
		const rate = this.rateAt(gridStart);
		let t = this.now;
		while (this.outcomeNow === 'running') {
			// Work that takes no time completes even at a limit: an empty pass, the end of the state.
			if (!this.passActive && this.stateLeftMs <= 0) {
				this.nextQuiescedPass(t);
				continue;
			}
			if (this.passActive && this.map.inFlight === 0) {
				this.now = t;
				this.endPass(t);
				continue;
			}
			const end = Math.min(t1, this.limitMs());
			if (t >= end) break;
			if (!this.passActive) {
				const d = Math.min(this.stateLeftMs, end - t);
				this.stateLeftMs -= d;
				this.dirty(t, t + d);
				t += d;
				continue;
			}
			const left = this.map.inFlight;
			const tEnd = rate > 0 ? t + Math.max(0, left - this.credit) / rate : Infinity;
			if (tEnd <= end) {
				this.send(left);
				this.credit = 0;
				this.dirty(t, tEnd);
				t = tEnd;
			} else {
				const avail = this.credit + rate * (end - t);
				const n = Math.min(left, Math.floor(avail));
				this.credit = avail - n;
				this.send(n);
				this.dirty(t, end);
				t = end;
			}
		}
		this.now = Math.max(this.now, t);
	}

	private send(n: number): void {
		if (n > 0) this.sentTotal += this.map.sendInFlight(n);
	}

	/**
	 * The guest's writes: all of them while it runs; once quiesced, only its I/O until the
	 * devices have moved with the guest state, so the final pass carries what the I/O wrote.
	 */
	private dirty(a: number, b: number): void {
		if (this.phaseNow === 'pre-copy') this.workload.dirty(this.map, a, b);
		else if (this.phaseNow === 'quiesced-penultimate') this.workload.dirtyIo(this.map, a, b);
	}

	private endPass(t: number): void {
		const quiesced = this.phaseNow !== 'pre-copy';
		this.passes.push({
			n: this.passN,
			pages: this.passPages,
			startMs: this.passStart,
			endMs: t,
			quiesced
		});
		if (quiesced) {
			this.quiescedDone++;
			if (this.quiescedDone === 1 && this.guestStateMs > 0) {
				this.passActive = false;
				this.stateLeftMs = this.guestStateMs;
				return;
			}
			this.nextQuiescedPass(t);
			return;
		}
		const stats = this.stats(t);
		let { action, reason } = this.policy.decide(stats);
		if (action === 'continue' && stats.pending === 0) {
			action = 'quiesce';
			reason = 'nothing changed during the last pass: nothing left to pre-copy';
		}
		this.decisions.push({ afterPass: this.passN, atMs: t, action, reason });
		if (action === 'give-up') return this.finish('gave-up');
		if (action === 'quiesce') {
			this.quiesceStart = t;
			this.phaseNow = this.policy.quiescedPasses === 2 ? 'quiesced-penultimate' : 'quiesced-final';
		}
		this.beginPass(t);
	}

	/** After a quiesced pass (and the guest state): the final pass, or completion. */
	private nextQuiescedPass(t: number): void {
		this.passActive = true;
		if (this.quiescedDone >= this.policy.quiescedPasses) return this.finish('completed', t);
		this.phaseNow = 'quiesced-final';
		this.beginPass(t);
	}

	private beginPass(t: number): void {
		this.passN++;
		this.passStart = t;
		this.credit = 0;
		this.passPages = this.map.beginPass(false);
	}

	private stats(t: number): PassStats {
		const pages = this.passes.map((p) => p.pages);
		const ms = this.passes.map((p) => p.endMs - p.startMs);
		const lastPages = pages[pages.length - 1]!;
		const lastMs = ms[ms.length - 1]!;
		const allPages = pages.reduce((a, b) => a + b, 0);
		const allMs = ms.reduce((a, b) => a + b, 0);
		const measured =
			lastPages > 0 && lastMs > 0
				? lastPages / lastMs
				: allPages > 0 && allMs > 0
					? allPages / allMs
					: this.rateAt(t);
		return {
			unit: 'page',
			passes: pages,
			passMs: ms,
			pending: this.map.dirtyCount,
			totalUnits: this.map.pages,
			sentUnits: this.sentTotal,
			elapsedMs: t - this.startMs,
			measuredUnitsPerMs: measured
		};
	}

	private finish(outcome: PrecopyOutcome, t = this.now): void {
		this.outcomeNow = outcome;
		this.phaseNow = 'done';
		this.now = t;
		this.endMs = t;
	}
}

/** Everything needed to build a guest's transfer from its size and workload. */
export interface CreatePrecopyOptions extends Omit<PrecopyOptions, 'map' | 'workload'> {
	readonly guestPages: number;
	/** A preset name (sized to the guest) or a full spec. */
	readonly workload: WorkloadPreset | WorkloadSpec;
	/** Seed for the workload's layout and writes. */
	readonly seed: number;
}

/** Builds the page map and workload for a guest, marks its resident pages, and starts pass 1. */
export function createPrecopy(o: CreatePrecopyOptions): Precopy {
	const spec =
		typeof o.workload === 'string' ? presetWorkload(o.workload, o.guestPages) : o.workload;
	const map = new PageMap(o.guestPages);
	const workload = new Workload(spec, o.guestPages, o.seed);
	workload.applyResidency(map);
	return new Precopy({ ...o, map, workload });
}
