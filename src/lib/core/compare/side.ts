/**
 * One side of a comparison: a single relocation driven over the memory-transfer engine exactly
 * as the simulation drives a VMRELOCATE MOVE (model/lgr/relocation.ts), without the cluster
 * around it. The MOVE is issued at time 0 and found eligible; the skeleton takes
 * `relocationSkeletonMs`; memory moves in the engine, stepped at the same times as the
 * simulation steps it and following it through the relocation machine's phases with the
 * simulation's own functions (model/lgr/relocation-steps.ts: the engine's grid, the estimated
 * end of each pass, the MAXTOTAL and MAXQUIESCE limits); the guest resumes after `relocationResumeMs` and the
 * source cleans up for `relocationCleanupMs`. So for the z/VM policy a side gives the figures the
 * lab gives for a MOVE at time 0 of the same guest over the same link with the same options and
 * engine seed (tests/unit/core/compare/lab-equivalence.test.ts).
 *
 * Why not the whole simulation: it runs only the z/VM policy, and a cluster brings heartbeats
 * and eligibility rules that do not change a single relocation's figures. Why the same tick
 * times: the engine's results depend on the times it is stepped to (precopy.ts), so a side is
 * stepped only at its own ticks, never at the clock's, and how fast the shared clock is
 * advanced never changes what a side does.
 */
import { constantBandwidth } from '../engine/bandwidth';
import { PAGE_BYTES } from '../engine/page-map';
import { qemuPolicy } from '../engine/policy-qemu';
import { xenPolicy } from '../engine/policy-xen';
import { zvmPolicy } from '../engine/policy-zvm';
import {
	createPrecopy,
	type PassRecord,
	type Precopy,
	type PrecopyReport
} from '../engine/precopy';
import type { TransferPolicy } from '../engine/transfer-policy';
import { presetWorkload, type WorkloadSpec } from '../engine/workload';
import {
	nextRelocationPhase,
	type RelocationEvent,
	type RelocationPhase
} from '../machines/relocation.machine';
import { buildLink, linkCapacityMBps } from '../model/link';
import {
	boundaryEvent,
	engineLevel,
	engineTickAt,
	failedCheck,
	passCountsOf,
	PHASE_LEVEL,
	type EngineClock
} from '../model/lgr/relocation-steps';
import { DEFAULT_PARAMS, type SimParams } from '../sim/state';
import { effectiveMaxQuiesceMs, limitMs, type SideSettings } from './settings';

/**
 * Where a side is: the relocation machine's phases after the eligibility check (a side's MOVE
 * is eligible, so never Rejected).
 */
export type SidePhase = Exclude<RelocationPhase, 'Eligibility' | 'Rejected'>;

/**
 * How a side ended: `relocated`; `cancelled` by MAXQUIESCE or MAXTOTAL (the guest stays on the
 * source); `terminated` when the engine stopped by itself (no policy here gives up, so only a
 * policy added later could); null while running.
 */
export type SideOutcome = 'relocated' | 'cancelled' | 'terminated';

/** The limit that cancelled a side. */
export type SideLimit = 'MAXQUIESCE' | 'MAXTOTAL';

/** The timing parameters a side uses: the simulation's (README, "Live guest relocation"). */
export type SideParams = Pick<
	SimParams,
	| 'relocationSkeletonMs'
	| 'relocationGuestStateMs'
	| 'relocationResumeMs'
	| 'relocationCleanupMs'
	| 'relocationSliceMs'
>;

export const SIDE_PARAMS: SideParams = {
	relocationSkeletonMs: DEFAULT_PARAMS.relocationSkeletonMs,
	relocationGuestStateMs: DEFAULT_PARAMS.relocationGuestStateMs,
	relocationResumeMs: DEFAULT_PARAMS.relocationResumeMs,
	relocationCleanupMs: DEFAULT_PARAMS.relocationCleanupMs,
	relocationSliceMs: DEFAULT_PARAMS.relocationSliceMs
};

/** The policy a side runs, with its defaults (engine/policy-*.ts). */
export function sidePolicy(s: SideSettings): TransferPolicy {
	switch (s.policy) {
		case 'zvm':
			return zvmPolicy({ immediate: s.immediate, maxQuiesceMs: effectiveMaxQuiesceMs(s) });
		case 'qemu':
			return qemuPolicy();
		case 'xen':
			return xenPolicy();
	}
}

/** The guest's pages and its workload: the preset sized to the guest, its resident share included. */
export function sideWorkload(s: SideSettings): { pages: number; spec: WorkloadSpec } {
	const pages = Math.max(1, Math.ceil(s.memoryBytes / PAGE_BYTES));
	return { pages, spec: presetWorkload(s.workload, pages) };
}

/** One direction's capacity of the side's ISFC link, MB/s (model/link.ts). */
export function sideLinkMBps(s: SideSettings): number {
	return linkCapacityMBps(buildLink('A', 'B', s.chpids, s.chpids * s.ctcsPerChpid));
}

/** A phase change, for narration and tests. */
export interface PhaseChange {
	to: SidePhase;
	atMs: number;
}

/** What a side shows at the clock's time: figures as of its last tick (at most a slice old). */
export interface SideStatus {
	phase: SidePhase;
	outcome: SideOutcome | null;
	limit: SideLimit | null;
	/** Completed passes, a copy. */
	passes: PassRecord[];
	passesDone: number;
	pagesSentDone: number;
	currentPass: number;
	currentPassSent: number;
	pagesSent: number;
	quiesceMs: number;
	/** The time the policy decided to quiesce, or null. */
	quiescedAtMs: number | null;
	/** The time the side ended, or null while it runs. */
	endedAtMs: number | null;
	/** The phase it was in when it ended (Cleaning Up for a relocated guest), or null. */
	endedIn: SidePhase | null;
	/** The policy's reason for its last decision (why it quiesced, or went on). */
	lastDecision: string | null;
}

/** A relocation in simulated time, from its MOVE at time 0 to its end. */
export class SideRun {
	readonly settings: SideSettings;
	readonly seed: number;
	readonly params: SideParams;
	readonly guestPages: number;
	readonly linkMBps: number;
	readonly policy: TransferPolicy;
	readonly maxQuiesceMs: number;
	readonly maxTotalMs: number;
	/** Every phase entered, in order, with its time. */
	readonly phases: PhaseChange[] = [];

	private phaseNow: SidePhase = 'CreatingSkeleton';
	private outcomeNow: SideOutcome | null = null;
	private limitNow: SideLimit | null = null;
	private engine: Precopy | null = null;
	/** The engine's last report, kept when the engine is released. */
	private report: PrecopyReport | null = null;
	/** The engine's time origin, slices and limits, once memory moves. */
	private engineClock: EngineClock | null = null;
	private now = 0;
	private nextTick: number;
	private endedAt: number | null = null;

	constructor(settings: SideSettings, seed: number, params: SideParams = SIDE_PARAMS) {
		this.settings = settings;
		this.seed = seed >>> 0;
		this.params = params;
		this.guestPages = sideWorkload(settings).pages;
		this.linkMBps = sideLinkMBps(settings);
		this.policy = sidePolicy(settings);
		this.maxQuiesceMs = effectiveMaxQuiesceMs(settings);
		this.maxTotalMs = limitMs(settings.maxTotal);
		// The MOVE at 0 is eligible at once (the eligibility check takes no time): the skeleton.
		this.phases.push({ to: 'CreatingSkeleton', atMs: 0 });
		this.nextTick = params.relocationSkeletonMs;
	}

	get phase(): SidePhase {
		return this.phaseNow;
	}
	get outcome(): SideOutcome | null {
		return this.outcomeNow;
	}
	get ended(): boolean {
		return this.outcomeNow !== null;
	}
	get endedAtMs(): number | null {
		return this.endedAt;
	}
	/** The time of the side's next tick (Infinity once it has ended). */
	get nextTickMs(): number {
		return this.nextTick;
	}

	/** Runs every tick due at or before `t`. */
	advanceTo(t: number): void {
		while (!this.ended && this.nextTick <= t) {
			this.now = this.nextTick;
			this.tick();
		}
	}

	/** What the side shows now. */
	status(): SideStatus {
		const r = this.engine?.report() ?? this.report;
		const passes = r?.passes ?? [];
		const counts = passCountsOf(this.engine, passes);
		const quiesce = r?.decisions.find((d) => d.action === 'quiesce');
		return {
			phase: this.phaseNow,
			outcome: this.outcomeNow,
			limit: this.limitNow,
			passes,
			passesDone: counts.passes,
			pagesSentDone: counts.sent,
			currentPass: counts.current,
			currentPassSent: counts.currentSent,
			pagesSent: r?.pagesSent ?? 0,
			quiesceMs: r?.quiesceMs ?? 0,
			quiescedAtMs: quiesce ? quiesce.atMs : null,
			endedAtMs: this.endedAt,
			endedIn: this.outcomeNow === null ? null : (this.phases.at(-2)?.to ?? null),
			lastDecision: r?.decisions.at(-1)?.reason ?? null
		};
	}

	/** Releases the engine's page map (the side is being dropped). */
	dispose(): void {
		this.closeEngine();
	}

	private enter(to: SidePhase): void {
		if (to === this.phaseNow) return;
		this.phaseNow = to;
		this.phases.push({ to, atMs: this.now });
	}

	/** Moves the side through the relocation machine, as relocation.ts `drive` moves a MOVE. */
	private drive(event: RelocationEvent): void {
		// From a side's phases, the machine's events lead only to a side's phases.
		this.enter(nextRelocationPhase(this.phaseNow, event) as SidePhase);
	}

	private tick(): void {
		switch (this.phaseNow) {
			case 'CreatingSkeleton':
				return this.skeletonDone();
			case 'MovingMemory':
			case 'MovingGuest':
			case 'FinalMemCopy':
				return this.advanceMemory();
			case 'Resuming':
				this.drive({ type: 'relocation.phaseDone', eligible: true });
				this.nextTick = this.now + this.params.relocationCleanupMs;
				return;
			case 'CleaningUp':
				this.drive({ type: 'relocation.phaseDone', eligible: true });
				return this.finish('relocated');
			default:
				return;
		}
	}

	/** As relocation.ts `skeletonDone`: MAXTOTAL counts from the MOVE; the engine gets what is left. */
	private skeletonDone(): void {
		if (this.now >= this.maxTotalMs) return this.cancel('MAXTOTAL');
		this.drive({ type: 'relocation.phaseDone', eligible: true });
		const { pages, spec } = sideWorkload(this.settings);
		const maxTotal = this.maxTotalMs - this.now;
		this.engineClock = {
			startMs: this.now,
			sliceMs: this.params.relocationSliceMs,
			maxTotalMs: Number.isFinite(maxTotal) ? maxTotal : null,
			maxQuiesceMs: Number.isFinite(this.maxQuiesceMs) ? this.maxQuiesceMs : null
		};
		this.engine = createPrecopy({
			guestPages: pages,
			workload: spec,
			seed: this.seed,
			startMs: this.now,
			sliceMs: this.params.relocationSliceMs,
			guestStateMs: this.params.relocationGuestStateMs,
			maxTotalMs: this.maxTotalMs - this.now,
			maxQuiesceMs: this.maxQuiesceMs,
			bandwidthMBps: constantBandwidth(this.linkMBps),
			policy: this.policy
		});
		this.planEngineTick();
	}

	/** As relocation.ts `advanceMemory`: the phases follow the engine, a boundary at a time. */
	private advanceMemory(): void {
		const engine = this.engine!;
		engine.step(this.now);
		const target = engineLevel(engine);
		while ((PHASE_LEVEL[this.phaseNow] ?? 3) < target) {
			const level = PHASE_LEVEL[this.phaseNow]!;
			// A one-round stop-and-copy (QEMU, Xen) has no penultimate pass: no Moving Guest.
			if (level === 0 && this.policy.quiescedPasses !== 2) this.enter('FinalMemCopy');
			else this.drive(boundaryEvent(level));
		}
		if (this.phaseNow === 'Resuming') {
			this.closeEngine();
			this.nextTick = this.now + this.params.relocationResumeMs;
			return;
		}
		if (engine.outcome === 'max-quiesce') return this.cancel('MAXQUIESCE');
		if (engine.outcome === 'max-total') return this.cancel('MAXTOTAL');
		if (engine.outcome !== 'running') {
			this.drive(failedCheck(this.phaseNow));
			return this.finish('terminated');
		}
		this.planEngineTick();
	}

	/** As relocation.ts `nextEngineTick`: the next grid point, the estimated pass end or a limit. */
	private planEngineTick(): void {
		this.nextTick = engineTickAt(this.engine!, this.engineClock!, this.now);
	}

	private cancel(limit: SideLimit): void {
		this.engine?.cancel();
		this.limitNow = limit;
		this.drive({ type: 'relocation.limitExceeded', limit });
		this.finish('cancelled');
	}

	private finish(outcome: SideOutcome): void {
		this.closeEngine();
		this.outcomeNow = outcome;
		this.endedAt = this.now;
		this.nextTick = Infinity;
	}

	private closeEngine(): void {
		if (!this.engine) return;
		this.report = this.engine.report();
		this.engine.dispose();
		this.engine = null;
	}
}
