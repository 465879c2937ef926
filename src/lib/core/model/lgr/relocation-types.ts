/**
 * A live guest relocation as the simulation state holds it: plain JSON (snapshots are JSON).
 * The memory-transfer engine's page map is typed arrays and cannot be in a snapshot; what is
 * kept here ({@link EngineRecord}) is enough to rebuild it exactly by replaying it from its
 * start (relocation-engine.ts).
 */
import type { PassRecord } from '../../engine/precopy';
import type { WorkloadSpec } from '../../engine/workload';
import type { RelocationPhase } from '../../machines/relocation.machine';
import type { ForceOptions } from './rule-types';

/** How a relocation ended, as `npm run sim` reports it (issue 3, "Output for tools"). */
export type RelocationOutcome = 'relocated' | 'cancelled' | 'terminated' | 'rejected';

/** The operands of VMRELOCATE MOVE after defaults (000 §3.6.1). */
export interface RelocationOptions {
	/** SYNCHRONOUS (the default) or ASYNCHRONOUS. */
	synchronous: boolean;
	/** IMMEDIATE: one pass through memory, then quiesce. */
	immediate: boolean;
	/** MAXTOTAL in seconds, or null for NOLIMIT (the default). */
	maxTotalS: number | null;
	/** MAXQUIESCE in seconds, or null for NOLIMIT (10 s by default, NOLIMIT with IMMEDIATE). */
	maxQuiesceS: number | null;
	force: ForceOptions;
}

/**
 * What rebuilds a relocation's engine: its inputs, and every simulated time it was stepped to
 * that is off its time grid (steps on the grid do not change its results, precopy.ts).
 */
export interface EngineRecord {
	/** Simulated ms Moving Memory began: the engine's time origin. */
	startMs: number;
	/** Seed of the guest's workload. */
	seed: number;
	guestPages: number;
	workload: WorkloadSpec;
	sliceMs: number;
	guestStateMs: number;
	/** MAXTOTAL left when memory started to move, ms, or null for NOLIMIT. */
	maxTotalMs: number | null;
	/** MAXQUIESCE in ms, or null for NOLIMIT. */
	maxQuiesceMs: number | null;
	immediate: boolean;
	/** Id of the ISFC link the memory moves over. */
	link: string;
	/**
	 * This transfer's bandwidth over time: `[t, MB/s]` pairs, each in effect for times after `t`
	 * (the first also at and before it). Appended whenever the link's capacity or the number of
	 * relocations sharing it changes, never rewritten: the engine reads the past as it was.
	 */
	bandwidth: [number, number][];
	/**
	 * Workload changes after the start (`guest.workload` inputs): `[t, spec]` pairs, each in
	 * effect for the slices that start after `t`, like {@link bandwidth}. Absent in snapshots
	 * from before workloads could change.
	 */
	workloads?: [number, WorkloadSpec][];
	/** Step targets off the engine's grid, in order. */
	steps: number[];
	/** The last time the engine was stepped to. */
	steppedTo: number;
	/** False once the transfer has ended and the engine has been released. */
	running: boolean;
}

/** One VMRELOCATE MOVE: who, where, how, how far it got and what it printed. */
export interface RelocationState {
	/** 1, 2, ... in the order the moves were issued. */
	id: number;
	user: string;
	from: string;
	to: string;
	/** The user who issued the command (STATUS's `By` column, CANCEL's message). */
	by: string;
	/** The member whose console the command was typed on (it gets the messages and the Ready). */
	console: string;
	options: RelocationOptions;
	phase: RelocationPhase;
	/** Simulated ms of the command. */
	startedAt: number;
	endedAt: number | null;
	outcome: RelocationOutcome | null;
	/** The CP messages of the relocation as the consoles showed them (Ready lines excepted). */
	messages: string[];
	/**
	 * Lines the guest's own console showed: CP's notice and Linux's qeth recovery on the
	 * destination (000 App. A.4), then the LOGOFF on the source (Example A-6).
	 */
	guestConsole: string[];
	/** Completed passes through memory. */
	passes: PassRecord[];
	/** Pages sent, a pass cut short included. */
	pagesSent: number;
	/** Time the guest was quiesced (Moving Guest and Final Mem Copy), ms. */
	quiesceMs: number;
	/** Null until memory starts to move (and for a rejected relocation). */
	engine: EngineRecord | null;
}
