/**
 * The message protocol between the page and the simulation worker: typed discriminated unions
 * plus the validator the worker runs on every incoming message. Requests carry an `id` that
 * the answering `ok` or `error` response repeats; frames are pushed without one.
 *
 * Pure TypeScript (no DOM): the same validator can run in Node tests.
 */
import type { RunReport } from '../core/report';
import type { StateGraph } from '../core/machines/graph';
import type { InputResult } from '../core/simulation';
import { WORKLOAD_NAMES, type WorkloadPreset } from '../core/engine/workload';
import {
	FAULT_KINDS,
	INPUT_KINDS,
	type ConsoleLine,
	type Fault,
	type LogEntry,
	type SimInput,
	type TimedInput
} from '../core/sim/events';
import type { ClusterMode, GuestStatus, MemberStateName, PeerView } from '../core/model/types';
import { MAX_CTCS } from '../core/model/link';
import type { RelocationOutcome } from '../core/model/lgr/relocation-types';
import type { RelocationPhase } from '../core/machines/relocation.machine';
import type { PassRecord } from '../core/engine/precopy';
import {
	describe,
	FieldError,
	isObject,
	MAX_SPEED,
	MIN_SPEED,
	parseMessage,
	speedOf,
	type AnswerTo,
	type BodyOf,
	type ErrorMessage,
	type Obj,
	type ParsedRequest
} from './messages';

export { MAX_SPEED, MIN_SPEED };
/** Longest `runFor` in one request (one simulated day): keeps a single request short. */
export const MAX_RUN_FOR_MS = 86_400_000;
/** Longest command line the worker accepts (CP's own limit is shorter; the core cuts at 512). */
export const MAX_TEXT_LENGTH = 512;
/** Largest inline scenario a `load` accepts, in characters of JSON (the built-ins are under 20 kB). */
export const MAX_SCENARIO_CHARS = 256 * 1024;
/** Most recorded inputs a `load` may replay. */
export const MAX_LOAD_INPUTS = 10_000;
/** Latest time a `load` may replay to: one simulated day, as for `runFor`. */
export const MAX_LOAD_TIME_MS = MAX_RUN_FOR_MS;

// ---------------------------------------------------------------------------------------------
// Requests (page → worker)

/**
 * A scenario file's JSON, as the page read it (from a link or a file); the worker reads it
 * through the same validator as the built-ins.
 */
export type InlineScenario = { [key: string]: unknown };

/**
 * Loads a scenario: a built-in by id, or a whole scenario inline. `seed` overrides the
 * scenario's own. With `inputs` and/or `t`, the recorded inputs are replayed up to `t` (by
 * default the last input's time) and the run pauses there: what a shared link asks for.
 */
export type LoadRequest = {
	id: number;
	type: 'load';
	scenario: string | InlineScenario;
	seed?: number;
	inputs?: TimedInput[];
	t?: number;
};
export type ApplyRequest = { id: number; type: 'apply'; input: SimInput };
/**
 * Plays from the time shown. With `until` (simulated ms, after the time shown), playback pauses
 * exactly there: how lessons, decks and embeds run one scripted step and stop at its end.
 */
export type PlayRequest = { id: number; type: 'play'; until?: number };
export type PauseRequest = { id: number; type: 'pause' };
export type SpeedRequest = { id: number; type: 'speed'; speed: number };
export type StepRequest = { id: number; type: 'step' };
export type RunForRequest = { id: number; type: 'runFor'; ms: number };
/**
 * Which relocation's page map the frames carry: a relocation id, or null for the most recent
 * one whose memory is moving (the default).
 */
export type WatchRequest = { id: number; type: 'watch'; relocation: number | null };
/**
 * Shows simulated time `t`, anywhere from 0 to the latest time the run has reached, exactly as
 * the run was then. Playing goes on from there, re-applying the recorded inputs at their times.
 */
export type SeekRequest = { id: number; type: 'seek'; t: number };
/** Goes back to the previous logged event's time (the start when none), exactly; pauses. */
export type StepBackRequest = { id: number; type: 'stepBack' };
/** Discards the recorded inputs after the time shown: the run goes on live from here. */
export type ForkRequest = { id: number; type: 'fork' };
/** Back to time 0 of the same scenario and seed, with nothing recorded. */
export type ResetRequest = { id: number; type: 'reset' };
/** Asks for the inputs applied up to the time shown, with the seed: what a link records. */
export type RecordingRequest = { id: number; type: 'recording' };
/**
 * Asks for the whole run up to the time shown: the run report (core/report.ts: every log entry,
 * console line and relocation with its passes and phases) with the recording that replays it.
 * The page's "Download run data"; frames carry only tails and summaries.
 */
export type ReportRequest = { id: number; type: 'report' };
/**
 * Asks for the graphs of the member, cluster-mode and relocation machines, read from their XState
 * definitions here in the worker (viz/state-chart.ts `machineGraph`), so that the page draws the
 * state charts without loading XState itself.
 */
export type MachinesRequest = { id: number; type: 'machines' };

/** Every request the page can send. */
export type SimRequest =
	| LoadRequest
	| ApplyRequest
	| PlayRequest
	| PauseRequest
	| SpeedRequest
	| StepRequest
	| RunForRequest
	| WatchRequest
	| SeekRequest
	| StepBackRequest
	| ForkRequest
	| ResetRequest
	| RecordingRequest
	| ReportRequest
	| MachinesRequest;

export type RequestType = SimRequest['type'];

export const REQUEST_TYPES: readonly RequestType[] = [
	'load',
	'apply',
	'play',
	'pause',
	'speed',
	'step',
	'runFor',
	'watch',
	'seek',
	'stepBack',
	'fork',
	'reset',
	'recording',
	'report',
	'machines'
];

/** A request before the client numbers it. */
export type RequestBody<T extends SimRequest = SimRequest> = BodyOf<T>;

// ---------------------------------------------------------------------------------------------
// Responses (worker → page)

export type LoadOk = {
	id: number;
	type: 'ok';
	of: 'load';
	/** The built-in's id, or the inline scenario's `name`. */
	scenario: string;
	inline: boolean;
	title: string;
	seed: number;
	/** Simulated time shown after the load (the `t` asked for, else 0). */
	now: number;
	/** The frames' `generation` from this load on. */
	generation: number;
};
/**
 * The simulation's answer to an input; `result.ok` is false when it refused the input. An
 * input given while viewing the past forks the run first: `forkedAt` is then the time it forked
 * at and `discarded` the number of recorded inputs dropped (else null and 0).
 */
export type ApplyOk = {
	id: number;
	type: 'ok';
	of: 'apply';
	result: InputResult;
	forkedAt: number | null;
	discarded: number;
};
export type PlayOk = { id: number; type: 'ok'; of: 'play' };
export type PauseOk = { id: number; type: 'ok'; of: 'pause' };
export type SpeedOk = { id: number; type: 'ok'; of: 'speed'; speed: number };
/** `stepped` is false when no event was pending. */
export type StepOk = { id: number; type: 'ok'; of: 'step'; stepped: boolean; now: number };
export type RunForOk = { id: number; type: 'ok'; of: 'runFor'; now: number };
export type WatchOk = { id: number; type: 'ok'; of: 'watch'; relocation: number | null };
export type SeekOk = { id: number; type: 'ok'; of: 'seek'; now: number };
/** `stepped` is false when already at time 0. */
export type StepBackOk = { id: number; type: 'ok'; of: 'stepBack'; stepped: boolean; now: number };
export type ForkOk = { id: number; type: 'ok'; of: 'fork'; forkedAt: number; discarded: number };
export type ResetOk = { id: number; type: 'ok'; of: 'reset'; now: number };
/** The inputs applied up to `t` (the time shown) as the simulation recorded them, and the seed. */
export type RecordingOk = {
	id: number;
	type: 'ok';
	of: 'recording';
	seed: number;
	t: number;
	inputs: TimedInput[];
	speed: number;
};

/** The run up to `t`, the time shown ({@link ReportRequest}), and the recording that replays it. */
export type ReportOk = {
	id: number;
	type: 'ok';
	of: 'report';
	seed: number;
	t: number;
	inputs: TimedInput[];
	report: RunReport;
};

/** The machines' graphs ({@link MachinesRequest}). */
export type MachinesOk = {
	id: number;
	type: 'ok';
	of: 'machines';
	member: StateGraph;
	clusterMode: StateGraph;
	relocation: StateGraph;
};

export type OkResponse =
	| LoadOk
	| ApplyOk
	| PlayOk
	| PauseOk
	| SpeedOk
	| StepOk
	| RunForOk
	| WatchOk
	| SeekOk
	| StepBackOk
	| ForkOk
	| ResetOk
	| RecordingOk
	| ReportOk
	| MachinesOk;

/** The `ok` response that answers a request of type `T`. */
export type OkFor<T extends RequestType> = AnswerTo<OkResponse, T>;

/** A refused request (see {@link ErrorMessage}). */
export type ErrorResponse = ErrorMessage;

// ---------------------------------------------------------------------------------------------
// Frames (worker → page, pushed)

/** How one member sees one peer over ISFC. */
export interface PeerViewSummary {
	peer: string;
	view: PeerView;
}

/**
 * How a guest listed on a member takes part in a relocation: `leaving` the source (it runs
 * there until it resumes on the destination, then the source only cleans up), `arriving` on the
 * destination (its skeleton receives memory; it does not run there yet), `arrived` (it runs on
 * the destination while the source cleans up).
 */
export interface GuestRelocation {
	/** The relocation's id (see {@link RelocationView}). */
	id: number;
	role: 'leaving' | 'arriving' | 'arrived';
	/** The other member: the destination when leaving, the source otherwise. */
	peer: string;
	/** The VMRELOCATE STATUS string of the relocation's phase. */
	status: string;
}

export interface GuestSummary {
	user: string;
	status: GuestStatus;
	kind: 'USER' | 'IDENTITY';
	/**
	 * False for the copy a relocation shows on a member the guest does not run on: its skeleton
	 * on the destination, or its stale image on the source while that cleans up.
	 */
	runsHere: boolean;
	/** Null unless the guest is being relocated. */
	relocation: GuestRelocation | null;
	/** What it does to its memory (a preset of engine/workload.ts; a `guest.workload` input changes it). */
	workload: WorkloadPreset;
}

export interface MemberView {
	name: string;
	slot: number;
	systemId: string;
	cec: string;
	lpar: string;
	cpus: number;
	cpuType: 'CP' | 'IFL';
	storageBytes: number;
	state: MemberStateName;
	detail: string | null;
	/** The member's own PDR record: state and heartbeat time stamp (`mm/dd/yy hh:mm:ss`). */
	pdrState: MemberStateName;
	pdrStamp: string | null;
	peers: PeerViewSummary[];
	guests: GuestSummary[];
}

export interface CtcView {
	/** Position of the device on its CHPID (what `ctc.fail` names). */
	index: number;
	rdevA: string;
	rdevB: string;
	failed: boolean;
	/** MB/s of memory this device carries now, both directions together (0 when idle or failed). */
	inUseMBps: number;
}

export interface ChpidView {
	id: string;
	failed: boolean;
	ctcs: CtcView[];
	/** MB/s its devices carry now, both directions together. */
	inUseMBps: number;
}

/** Memory moving one way over a link now (core/model/lgr/traffic.ts). */
export interface LinkFlowView {
	from: string;
	to: string;
	/** MB/s actually sent, every transfer that way together. */
	mbps: number;
	/** Relocations sending that way. */
	transfers: number;
}

export interface LinkView {
	id: string;
	between: [string, string];
	severed: boolean;
	up: boolean;
	workingCtcs: number;
	totalCtcs: number;
	/** One direction's capacity now, and with every device working. */
	capacityMBps: number;
	fullCapacityMBps: number;
	chpids: ChpidView[];
	/** The directions memory is moving in now (none while idle), each with the MB/s it uses. */
	flows: LinkFlowView[];
	/** MB/s in use in the busier direction (out of `capacityMBps`, a one-direction figure). */
	inUseMBps: number;
}

/** A log entry with its position in the whole log (stable key, survives trimming). */
export type NumberedLogEntry = LogEntry & { n: number };

/** The outcome of one recent `apply`, newest last. */
export interface ResultView {
	/** The request id that applied it. */
	request: number;
	t: number;
	input: SimInput;
	ok: boolean;
	rc: number;
	lines: string[];
}

/**
 * The slow-changing tail of a frame: console, log and recent results. After a load the first
 * tail is whole (`reset`); later ones carry only the console lines and log entries added since
 * the tail before, which the page appends (view.ts `mergeTail`): a long console is not re-sent
 * with every new line.
 */
export interface TailView {
	/** True: replaces what the page holds; false: appends to it. */
	reset: boolean;
	/** Console lines of each member (input and output), by member name: the last ones, or the new ones. */
	console: Record<string, ConsoleLine[]>;
	/** Log entries, oldest first: the last ones, or the new ones. */
	log: NumberedLogEntry[];
	logTotal: number;
	results: ResultView[];
}

/** One pass through memory (the engine's record, times in simulated ms). */
export type PassView = PassRecord;

/**
 * One VMRELOCATE MOVE, in progress or recently ended, as the page shows it: compact figures
 * only. Pass counts are those VMRELOCATE STATUS DETAILS prints, at most one engine slice old.
 */
export interface RelocationView {
	id: number;
	user: string;
	from: string;
	to: string;
	/** Who issued the MOVE. */
	by: string;
	phase: RelocationPhase;
	/** The VMRELOCATE STATUS string while in progress ("Moving Memory"); the outcome once ended. */
	status: string;
	/** The options as STATUS DETAILS prints them, with the limits: `SYNCH IMMED NO · MAXTOTAL NOLIMIT · MAXQUIESCE 10 sec`. */
	options: string;
	/** MAXQUIESCE and MAXTOTAL in ms, null for NOLIMIT. */
	maxQuiesceMs: number | null;
	maxTotalMs: number | null;
	/** Completed passes, and their pages. */
	passesDone: number;
	pagesSentDone: number;
	/** The pass under way and its pages sent so far. */
	currentPass: number;
	currentPassSent: number;
	/** Pages still queued in the current pass (null when no memory is moving). */
	currentPassLeft: number | null;
	/** Pages sent in all, a pass cut short included. */
	pagesSent: number;
	/** The guest's pages (null before memory starts to move, and for a rejected MOVE). */
	guestPages: number | null;
	/** Simulated ms since the MOVE (to its end once ended). */
	elapsedMs: number;
	/** Time the guest has been quiesced so far, ms. */
	quiesceMs: number;
	/** True in Moving Guest and Final Mem Copy. */
	quiesced: boolean;
	outcome: RelocationOutcome | null;
	/** The CP messages of the relocation, the last {@link MAX_RELOCATION_MESSAGES}. */
	messages: string[];
	/** The last {@link MAX_PASSES_SHOWN} completed passes; `passes.length` may be less than `passesDone`. */
	passes: PassView[];
}

/** One phase of a relocation as a phase strip shows it. */
export interface RelocationStep {
	phase: RelocationPhase;
	/** Its VMRELOCATE STATUS string. */
	label: string;
	/** The guest is quiesced in it. */
	quiesced: boolean;
}

/** A phase a relocation entered, with the simulated ms of its `relocation.phase` log entry. */
export interface PhaseEntryView {
	phase: RelocationPhase;
	t: number;
}

/**
 * What the z/VM transfer policy works with (engine/policy-zvm.ts), for the convergence chart's
 * threshold and projection, and the guest's workload, for the quiesce window's latency trace.
 */
export interface TransferView {
	/** The policy's name (`z/VM`). */
	policy: string;
	/** The workload preset's name (`database`), or `custom`. */
	workload: string;
	/** Seed of the guest's workload. */
	seed: number;
	/** Time the guest state and I/O devices take while quiesced, ms. */
	guestStateMs: number;
	/** The quiesce target: min(250 ms, MAXQUIESCE / 2). */
	targetQuiesceMs: number;
	/**
	 * The rate the policy measured, pages/ms: over the last pre-copy pass (over all of them when
	 * that one sent nothing); before the first pass ends, the transfer's share of the link now.
	 */
	bandwidthPagesPerMs: number;
	/** Pages that move within the quiesce target at that rate: target × bandwidth (rule 2). */
	thresholdPages: number;
}

/**
 * A relocation's record for the charts: when it entered each phase, its passes and the pages
 * left dirty after each. It changes only at phase and pass boundaries (and when the transfer's
 * bandwidth changes), so frames carry it only then ({@link HistoryUpdate}).
 */
export interface RelocationHistory {
	id: number;
	/** Simulated ms of the MOVE (Eligibility begins), and of its end (null while in progress). */
	startedAt: number;
	endedAt: number | null;
	/** The phases entered after Eligibility, in order. */
	phases: PhaseEntryView[];
	/** Completed passes, the last {@link MAX_HISTORY_PASSES} (every one of a z/VM transfer). */
	passes: PassView[];
	/**
	 * Pages dirty at the end of each pass, index-aligned with `passes`: what the next pass sends
	 * (the pass under way's total for the last one while memory moves; 0 after the final pass of
	 * a relocated guest); null where not known (a pass cut short by CANCEL or MAXQUIESCE).
	 */
	dirtyAfterPass: (number | null)[];
	/** Null before memory starts to move, and for a rejected MOVE. */
	transfer: TransferView | null;
}

/**
 * The records of the relocations whose record changed since the previous frame. `reset`: the
 * page drops the records it holds first (after a load or a jump in time). Records of
 * relocations no longer in {@link SimView.relocations} are dropped by the page.
 */
export interface HistoryUpdate {
	reset: boolean;
	relocations: RelocationHistory[];
}

/** Passes a {@link RelocationHistory} keeps (the z/VM policy makes at most 16 + 2). */
export const MAX_HISTORY_PASSES = 32;

/** Passes kept per relocation in a frame (the counts cover them all). */
export const MAX_PASSES_SHOWN = 12;
/** CP messages kept per relocation in a frame. */
export const MAX_RELOCATION_MESSAGES = 8;
/** Ended relocations kept in a frame (every relocation in progress is kept). */
export const RECENT_RELOCATIONS = 6;

/** Most event ticks a frame carries for the timeline (more are thinned, evenly over time). */
export const MAX_TICKS = 160;

/**
 * Where the time shown sits in the run: the range a seek may go to, the logged events around
 * it, and whether the run is replaying its recorded past or has forked.
 */
export interface TimelineView {
	/** The latest simulated time reached; seeks go anywhere in [0, latest]. */
	latest: number;
	/** True while the time shown is before `latest`: the recorded run replays as time passes. */
	inPast: boolean;
	/** Where the run last forked (a fork request, or an input given in the past), or null. */
	forkedAt: number | null;
	/** The latest logged event time before now, or null. */
	prevEvent: number | null;
	/** The first logged event time after now, up to `latest`, or null. */
	nextEvent: number | null;
	/** Recorded inputs in all, and those applied at the time shown. */
	recorded: number;
	applied: number;
	/** Increases whenever the shown state jumps (seek, step back, fork, reset). */
	revision: number;
	/**
	 * Logged event times in [0, latest], at most {@link MAX_TICKS} (thinned evenly over time);
	 * null when unchanged since the previous frame.
	 */
	ticks: number[] | null;
}

/** Everything the page renders, compact and JSON-able. */
export interface SimView {
	/** Frame number (increases by one per frame sent). */
	frame: number;
	/** Increases by one per `load`: frames of an earlier load are stale. */
	generation: number;
	scenario: { id: string; title: string; source: string; seed: number };
	cluster: {
		name: string;
		mode: ClusterMode;
		crossSystemTimeouts: boolean;
		pdr: { volume: string; rdev: string; locked: boolean };
	};
	/** Simulated ms since the start, and the simulated wall clock at that time. */
	now: number;
	epochMs: number;
	nextEventAt: number | null;
	playing: boolean;
	/** Where playback will pause by itself (a `play` with `until`), or null. */
	stopAt: number | null;
	speed: number;
	members: MemberView[];
	links: LinkView[];
	/** Relocations in progress and the last few ended, in the order they were issued. */
	relocations: RelocationView[];
	/** The phases a relocation goes through, in order, for a phase strip (empty without relocations). */
	relocationPhases: RelocationStep[];
	/** The relocation whose transfer the page-map images show, or null when none is moving. */
	watching: number | null;
	/** Chart records of relocations shown whose record changed; null when none did. */
	histories: HistoryUpdate | null;
	timeline: TimelineView;
	/** Null when the tail has not changed since the previous frame. */
	tail: TailView | null;
}

/** Width and height, in cells, of the page-map image a frame carries. */
export const PAGE_MAP_WIDTH = 256;
export const PAGE_MAP_HEIGHT = 128;

/**
 * A running transfer's page map, down-sampled: engine/frame.ts's `encodeFrame` buffer (float64
 * counters, then one byte per cell, page-map-image.ts codes). Sent only when the engine has
 * moved on since the last one, and transferred, not copied.
 */
export interface PageMapFrame {
	relocation: number;
	user: string;
	buffer: ArrayBuffer;
}

/**
 * A frame; `pageMap` is present only when the watched transfer's map changed (and then its
 * buffer is in the postMessage transfer list).
 *
 * Size (sim-host.ts keeps every frame within FRAME_BUDGET_BYTES, 64 KiB): the view is about
 * 2 KB of JSON for two idle members, 4.2 KB for four, plus about 0.5 KB a relocation shown and
 * 0.4 KB for the phase strip (itsossia with one relocation moving: 5.4 KB; with four: 7.6 KB).
 * Tails carry only what is new, at most 24 KiB of console lines and LOG_TAIL log entries.
 * The timeline part is about 0.2 KB, plus up to 1.5 KB of event ticks in the frames where they
 * changed (every frame while a run with more than MAX_TICKS logged times plays on).
 * A relocation's chart record is 0.3-1.3 KB (bench-three's, with up to 10 passes), sent only in
 * the frames where it changed; after a jump all go again, at most HISTORY_BUDGET_CHARS (12 KiB)
 * a frame, the rest in the next ones.
 * The page map is 32,896 bytes (16 float64 counters, then 256×128 one-byte cells), sent at most
 * every other frame; a frame whose tail or records would take it over budget leaves it to the
 * next frame.
 */
export type FrameMessage = { type: 'frame'; view: SimView; pageMap?: PageMapFrame };

/** Every message the worker sends. */
export type WorkerMessage = OkResponse | ErrorResponse | FrameMessage;

// ---------------------------------------------------------------------------------------------
// Validation

export type Parsed = ParsedRequest<SimRequest>;

function str(o: Obj, key: string, path: string): string {
	const v = o[key];
	if (typeof v !== 'string' || v.trim() === '') {
		throw new FieldError(path, `${path} must be a non-empty string (got ${describe(v)})`);
	}
	if (v.length > MAX_TEXT_LENGTH) {
		throw new FieldError(path, `${path} is longer than ${MAX_TEXT_LENGTH} characters`);
	}
	return v;
}

function optStr(o: Obj, key: string, path: string): string | undefined {
	return o[key] === undefined ? undefined : str(o, key, path);
}

function int(o: Obj, key: string, path: string, min: number, max: number): number {
	const v = o[key];
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
		throw new FieldError(
			path,
			`${path} must be an integer from ${min} to ${max} (got ${describe(v)})`
		);
	}
	return v;
}

function obj(o: Obj, key: string, path: string): Obj {
	const v = o[key];
	if (!isObject(v)) throw new FieldError(path, `${path} must be an object (got ${describe(v)})`);
	return v;
}

function oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T {
	const v = o[key];
	if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
		throw new FieldError(path, `${path} must be one of ${allowed.join(', ')} (got ${describe(v)})`);
	}
	return v as T;
}

function parseFault(o: Obj, path: string): Fault {
	const kind = oneOf(o, 'kind', `${path}.kind`, FAULT_KINDS);
	switch (kind) {
		case 'member.abend':
			return { kind, member: str(o, 'member', `${path}.member`) };
		case 'member.systemId':
			return {
				kind,
				member: str(o, 'member', `${path}.member`),
				systemId: str(o, 'systemId', `${path}.systemId`)
			};
		case 'ctc.fail':
		case 'ctc.repair':
			return {
				kind,
				link: str(o, 'link', `${path}.link`),
				chpid: str(o, 'chpid', `${path}.chpid`),
				ctc: int(o, 'ctc', `${path}.ctc`, 0, 15)
			};
		case 'chpid.fail':
		case 'chpid.repair':
			return {
				kind,
				link: str(o, 'link', `${path}.link`),
				chpid: str(o, 'chpid', `${path}.chpid`)
			};
		case 'link.sever':
		case 'link.repair':
			return { kind, link: str(o, 'link', `${path}.link`) };
	}
}

/** Checks a {@link SimInput}, field by field; throws a {@link FieldError} naming the first bad one. */
function parseInput(o: Obj, path: string): SimInput {
	const kind = oneOf(o, 'kind', `${path}.kind`, INPUT_KINDS);
	switch (kind) {
		case 'command': {
			const user = optStr(o, 'user', `${path}.user`);
			const input: SimInput = {
				kind,
				on: str(o, 'on', `${path}.on`),
				text: str(o, 'text', `${path}.text`)
			};
			if (user !== undefined) input.user = user;
			return input;
		}
		case 'fault':
			return { kind, fault: parseFault(obj(o, 'fault', `${path}.fault`), `${path}.fault`) };
		case 'ipl':
			return { kind, member: str(o, 'member', `${path}.member`) };
		case 'shutdown': {
			const reipl = o['reipl'];
			if (reipl !== undefined && typeof reipl !== 'boolean') {
				throw new FieldError(
					`${path}.reipl`,
					`${path}.reipl must be true or false (got ${describe(reipl)})`
				);
			}
			const input: SimInput = { kind, member: str(o, 'member', `${path}.member`) };
			if (reipl !== undefined) input.reipl = reipl;
			return input;
		}
		case 'guest.workload':
			return {
				kind,
				user: str(o, 'user', `${path}.user`),
				on: str(o, 'on', `${path}.on`),
				workload: oneOf(o, 'workload', `${path}.workload`, WORKLOAD_NAMES)
			};
		case 'link.ctcs':
			return {
				kind,
				link: str(o, 'link', `${path}.link`),
				chpid: str(o, 'chpid', `${path}.chpid`),
				// 001 "CTC Connections": a logical link has 1-16 CTC devices.
				ctcs: int(o, 'ctcs', `${path}.ctcs`, 1, MAX_CTCS)
			};
	}
}

/** A time in simulated ms: a finite number from 0 to `max` (no bound when Infinity). */
function time(o: Obj, key: string, path: string, max: number): number {
	const v = o[key];
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) {
		const range = max === Infinity ? '0 or more' : `from 0 to ${max}`;
		throw new FieldError(
			path,
			`${path} must be a time in simulated ms, ${range} (got ${describe(v)})`
		);
	}
	return v;
}

/**
 * Checks an inline scenario's outer shape and size; its content goes through the scenario
 * validator when the worker loads it (errors then name `scenario.<path>`).
 */
function parseInlineScenario(v: Obj): InlineScenario {
	let chars: number;
	try {
		chars = JSON.stringify(v).length;
	} catch (e) {
		throw new FieldError(
			'scenario',
			`scenario must be plain JSON (${e instanceof Error ? e.message : String(e)})`
		);
	}
	if (chars > MAX_SCENARIO_CHARS) {
		throw new FieldError(
			'scenario',
			`scenario is ${chars} characters of JSON; an inline scenario may have at most ${MAX_SCENARIO_CHARS}`
		);
	}
	return v;
}

/** Checks recorded inputs: a list in time order of `{ at, input }`, none after `until`. */
function parseTimedInputs(v: unknown, until: number | undefined): TimedInput[] {
	if (!Array.isArray(v)) {
		throw new FieldError('inputs', `inputs must be a list of { at, input } (got ${describe(v)})`);
	}
	if (v.length > MAX_LOAD_INPUTS) {
		throw new FieldError(
			'inputs',
			`inputs has ${v.length} entries; a load replays at most ${MAX_LOAD_INPUTS}`
		);
	}
	let last = 0;
	return v.map((raw: unknown, i): TimedInput => {
		const path = `inputs[${i}]`;
		if (!isObject(raw)) {
			throw new FieldError(path, `${path} must be an object { at, input } (got ${describe(raw)})`);
		}
		const at = time(raw, 'at', `${path}.at`, MAX_LOAD_TIME_MS);
		if (at < last) {
			throw new FieldError(
				`${path}.at`,
				`${path}.at is ${at}, before the previous input (${last}): inputs must be in time order`
			);
		}
		if (until !== undefined && at > until) {
			throw new FieldError(`${path}.at`, `${path}.at is ${at}, after t (${until})`);
		}
		last = at;
		return { at, input: parseInput(obj(raw, 'input', `${path}.input`), `${path}.input`) };
	});
}

function parseLoad(data: Obj, id: number): LoadRequest {
	const raw = data['scenario'];
	const scenario = isObject(raw) ? parseInlineScenario(raw) : str(data, 'scenario', 'scenario');
	const request: LoadRequest = { id, type: 'load', scenario };
	if (data['seed'] !== undefined) request.seed = int(data, 'seed', 'seed', 0, 0xffff_ffff);
	if (data['t'] !== undefined) request.t = time(data, 't', 't', MAX_LOAD_TIME_MS);
	if (data['inputs'] !== undefined) request.inputs = parseTimedInputs(data['inputs'], request.t);
	return request;
}

/**
 * Validates a message from the page. Never throws: a bad message becomes an {@link ErrorResponse}
 * naming the field, so the worker can answer it and carry on.
 */
export function parseRequest(data: unknown): Parsed {
	return parseMessage<SimRequest>(data, REQUEST_TYPES, (data, id, t): SimRequest => {
		switch (t) {
			case 'load':
				return parseLoad(data, id);
			case 'seek':
				return { id, type: t, t: time(data, 't', 't', Infinity) };
			case 'apply':
				return { id, type: t, input: parseInput(obj(data, 'input', 'input'), 'input') };
			case 'speed':
				return { id, type: t, speed: speedOf(data) };
			case 'runFor':
				return { id, type: t, ms: int(data, 'ms', 'ms', 1, MAX_RUN_FOR_MS) };
			case 'watch': {
				const r = data['relocation'];
				if (r !== null && (typeof r !== 'number' || !Number.isSafeInteger(r) || r < 1)) {
					throw new FieldError(
						'relocation',
						`relocation must be a relocation id (a whole number from 1) or null (got ${describe(r)})`
					);
				}
				return { id, type: t, relocation: r };
			}
			case 'play':
				return data['until'] === undefined
					? { id, type: t }
					: { id, type: t, until: int(data, 'until', 'until', 1, MAX_LOAD_TIME_MS) };
			case 'pause':
			case 'step':
			case 'stepBack':
			case 'fork':
			case 'reset':
			case 'recording':
			case 'report':
			case 'machines':
				return { id, type: t };
		}
	});
}
