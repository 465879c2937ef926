/**
 * Live guest relocation in simulated time (000 §3.2, §3.6; 001 "Starting and Managing a Live
 * Guest Relocation"; issue 3 "The phase machine"). A VMRELOCATE MOVE checks eligibility, then
 * runs as scheduled `relocation.tick` events through the phases of
 * machines/relocation.machine.ts:
 *
 * 1. **Eligibility**, at the command: every rule of eligibility.ts, with the FORCE operands.
 * 2. **Creating the skeleton** on the destination (`relocationSkeletonMs`).
 * 3. **Moving Memory**: the memory-transfer engine's pre-copy passes over the ISFC link, while
 *    the guest runs and dirties pages (engine/precopy.ts, the z/VM policy of policy-zvm.ts).
 * 4. **Moving Guest** (quiesced): the penultimate pass, then the guest state and I/O devices
 *    (`relocationGuestStateMs`).
 * 5. **Final Mem Copy** (quiesced): the last pass.
 * 6. **Resuming** on the destination (`relocationResumeMs`); then the guest runs there.
 * 7. **Cleaning Up** on the source (`relocationCleanupMs`), which logs the guest off.
 *
 * Eligibility is checked again at every phase boundary up to the resume (001: "Eligibility
 * checks are repeated multiple times during a relocation"); a failed check terminates the
 * relocation with HCPRLH1939E and the guest keeps running on the source (000 §3.1). So does the
 * destination leaving the cluster, the source going down, or the ISFC link failing, at once.
 * MAXQUIESCE and MAXTOTAL cancel it (HCPRLU1930I, 000 A.1.7), and so does VMRELOCATE CANCEL.
 *
 * Engine ticks fall on the engine's time grid (so that a STATUS can show pass counts that are
 * at most a slice old without stepping the engine: observing a relocation never changes it), at
 * the estimated end of each pass, and at the MAXQUIESCE and MAXTOTAL limits.
 */
import { readyLine } from '../../commands/responses';
import { linkShare } from '../../engine/bandwidth';
import { PAGE_BYTES } from '../../engine/page-map';
import type { Precopy, PrecopyReport } from '../../engine/precopy';
import { presetWorkload, type WorkloadSpec } from '../../engine/workload';
import {
	nextRelocationPhase,
	type RelocationEvent,
	type RelocationPhase
} from '../../machines/relocation.machine';
import { heapRemoveWhere } from '../../sim/event-queue';
import { record, schedule } from '../../sim/kernel';
import { nextUint32 } from '../../sim/prng';
import type { SimState } from '../../sim/state';
import { findLink, linkUp } from '../link';
import { memberUsers } from '../logon';
import type { GuestState } from '../types';
import { checkEligibility, type EligibilityResult } from './eligibility';
import { HCPRL, HCPRLH1939E, HCPRLH1940E, LGR_LINES, MAX_TOTAL_TEXT, reasonLine } from './messages';
import { engineOf, releaseEngine, startEngine, stepEngine } from './relocation-engine';
import { guestResumed, moveToDestination } from './relocation-guest';
import {
	boundaryEvent,
	engineLevel,
	engineTickAt,
	failedCheck,
	passCountsOf,
	PHASE_LEVEL,
	type PassCounts
} from './relocation-steps';
import type { RelocationOptions, RelocationOutcome, RelocationState } from './relocation-types';

export type * from './relocation-types';

/** Phases a relocation can still be undone in: the guest has not resumed on the destination. */
export const UNDOABLE_PHASES: readonly RelocationPhase[] = [
	'Eligibility',
	'CreatingSkeleton',
	'MovingMemory',
	'MovingGuest',
	'FinalMemCopy'
];

/** Phases in which the engine moves memory. */
const MEMORY_PHASES: readonly RelocationPhase[] = ['MovingMemory', 'MovingGuest', 'FinalMemCopy'];

/** Relocations that have not ended. */
export function activeRelocations(state: SimState): RelocationState[] {
	return state.relocations.filter((r) => r.outcome === null);
}

/** The relocation with id `id`, or undefined. */
export function relocationById(state: SimState, id: number): RelocationState | undefined {
	return state.relocations[id - 1]?.id === id
		? state.relocations[id - 1]
		: state.relocations.find((r) => r.id === id);
}

function readyText(state: SimState, rc: number): string {
	return readyLine(rc, state.epochMs + state.now);
}

/** Writes a relocation's messages to a member's console now, and keeps them with it. */
function emit(state: SimState, rel: RelocationState, on: string, lines: readonly string[]): void {
	for (const text of lines) state.console.push({ t: state.now, on, kind: 'output', text });
	rel.messages.push(...lines);
}

/** Ends a SYNCHRONOUS MOVE: its console gets the Ready it has been waiting for (000 §3.6.1). */
function closeCommand(state: SimState, rel: RelocationState, rc: number): void {
	if (!rel.options.synchronous) return;
	state.console.push({ t: state.now, on: rel.console, kind: 'output', text: readyText(state, rc) });
}

function dropTick(state: SimState, rel: RelocationState): void {
	heapRemoveWhere(state.queue, (e) => e.type === 'relocation.tick' && e.id === rel.id);
}

function tickAt(state: SimState, rel: RelocationState, at: number): void {
	dropTick(state, rel);
	schedule(state, at - state.now, { type: 'relocation.tick', id: rel.id });
}

/** Moves a relocation through its machine, logging the change. Returns the new phase. */
function drive(
	state: SimState,
	rel: RelocationState,
	event: RelocationEvent,
	reason: string
): RelocationPhase {
	const to = nextRelocationPhase(rel.phase, event);
	if (to !== rel.phase) {
		record(state, {
			kind: 'relocation.phase',
			id: rel.id,
			user: rel.user,
			from: rel.phase,
			to,
			reason
		});
		rel.phase = to;
	}
	return to;
}

/** The eligibility check again, as at the command: same FORCE operands, from the source. */
function recheck(state: SimState, rel: RelocationState): EligibilityResult {
	return checkEligibility(state, rel.user, rel.to, {
		force: rel.options.force,
		source: rel.from
	});
}

function reasonLines(r: EligibilityResult): string[] {
	return r.reasons.map((x) => reasonLine(r.user, x.message, x.text));
}

/** Takes the engine's final figures into the relocation and releases the engine. */
function closeEngine(state: SimState, rel: RelocationState, engine: Precopy | null): void {
	if (engine) takeReport(state, rel, engine.report());
	releaseEngine(state, rel);
}

/** Copies new passes (logging each) and the counters of an engine report into the relocation. */
function takeReport(state: SimState, rel: RelocationState, r: PrecopyReport): void {
	for (const p of r.passes.slice(rel.passes.length)) {
		rel.passes.push(p);
		record(state, { kind: 'relocation.pass', id: rel.id, user: rel.user, ...p });
	}
	rel.pagesSent = r.pagesSent;
	rel.quiesceMs = r.quiesceMs;
}

function finish(
	state: SimState,
	rel: RelocationState,
	outcome: RelocationOutcome,
	reason: string
): void {
	rel.outcome = outcome;
	rel.endedAt = state.now;
	dropTick(state, rel);
	if (rel.engine?.running) closeEngine(state, rel, engineOf(state, rel));
	record(state, { kind: 'relocation.end', id: rel.id, user: rel.user, outcome, reason });
	refreshBandwidth(state);
}

/**
 * Ends a relocation whose guest stays on the source: HCPRLH1939E with its reasons (000 Example
 * A-20). `event` takes the machine to Terminated, or to Cancelled for MAXQUIESCE and MAXTOTAL.
 */
function stop(
	state: SimState,
	rel: RelocationState,
	event: RelocationEvent,
	reasons: readonly string[],
	why: string
): void {
	const engine = engineOf(state, rel);
	if (engine) {
		stepEngine(state, rel, state.now);
		engine.cancel();
	}
	const phase = drive(state, rel, event, why);
	emit(state, rel, rel.console, [
		LGR_LINES.notCompleted(rel.user, rel.from, rel.to),
		HCPRLH1939E(rel.user, rel.to),
		...reasons
	]);
	closeCommand(state, rel, 1939);
	finish(state, rel, phase === 'Cancelled' ? 'cancelled' : 'terminated', why);
}

function terminateIneligible(state: SimState, rel: RelocationState, r: EligibilityResult): void {
	stop(state, rel, failedCheck(rel.phase), reasonLines(r), 'no longer eligible');
}

function limitExceeded(state: SimState, rel: RelocationState, limit: 'MAXQUIESCE' | 'MAXTOTAL') {
	const line =
		limit === 'MAXQUIESCE'
			? reasonLine(rel.user, HCPRL.maxQuiesce().id, HCPRL.maxQuiesce().text)
			: reasonLine(rel.user, null, MAX_TOTAL_TEXT);
	stop(state, rel, { type: 'relocation.limitExceeded', limit }, [line], `${limit} exceeded`);
}

/** What VMRELOCATE MOVE asks for. */
export interface MoveRequest {
	user: string;
	destination: string;
	/** The member the command runs on: the guest must be logged on there (000 §3.6.1). */
	source: string;
	/** Who issued it, and the member whose console it was typed on. */
	by: string;
	console: string;
	options: RelocationOptions;
}

/** What the MOVE command answers at once; a SYNCHRONOUS move's Ready comes when it ends. */
export interface MoveAnswer {
	lines: string[];
	rc: number;
	/** True while a SYNCHRONOUS relocation runs: the Ready line is written when it ends. */
	deferReady: boolean;
	relocation: RelocationState;
}

/** FORCE operands in effect, in the order the messages name them. */
export function forceWords(o: RelocationOptions): string[] {
	return (['architecture', 'domain', 'storage'] as const)
		.filter((k) => o.force[k])
		.map((k) => k.toUpperCase());
}

/**
 * VMRELOCATE MOVE: checks eligibility now; when the guest is eligible the relocation starts and
 * runs in simulated time, otherwise it is rejected with HCPRLH1940E and its reasons after "did
 * not complete" (000 Example A-16, A-22).
 */
export function startRelocation(state: SimState, req: MoveRequest): MoveAnswer {
	const rel: RelocationState = {
		id: state.relocations.length + 1,
		user: req.user,
		from: req.source,
		to: req.destination,
		by: req.by,
		console: req.console,
		options: req.options,
		phase: 'Eligibility',
		startedAt: state.now,
		endedAt: null,
		outcome: null,
		messages: [],
		guestConsole: [],
		passes: [],
		pagesSent: 0,
		quiesceMs: 0,
		engine: null
	};
	state.relocations.push(rel);
	record(state, {
		kind: 'relocation.start',
		id: rel.id,
		user: rel.user,
		from: rel.from,
		to: rel.to,
		by: rel.by
	});
	const check = recheck(state, rel);
	const reasons = reasonLines(check);
	// One relocation of a guest at a time: the documents give no message for it, so text only.
	if (activeRelocations(state).some((r) => r !== rel && r.user === rel.user))
		reasons.unshift(reasonLine(rel.user, null, 'The virtual machine is already being relocated'));
	const eligible = reasons.length === 0;
	drive(
		state,
		rel,
		{ type: 'relocation.phaseDone', eligible },
		eligible ? 'eligible' : 'not eligible'
	);
	if (!eligible) {
		const lines = [
			LGR_LINES.notCompleted(rel.user, rel.from, rel.to),
			HCPRLH1940E(rel.user),
			...reasons
		];
		rel.messages.push(...lines);
		rel.outcome = 'rejected';
		rel.endedAt = state.now;
		record(state, {
			kind: 'relocation.end',
			id: rel.id,
			user: rel.user,
			outcome: 'rejected',
			reason: 'not eligible'
		});
		return { lines, rc: 1940, deferReady: false, relocation: rel };
	}
	const line = LGR_LINES.started(rel.user, rel.from, rel.to, forceWords(rel.options));
	rel.messages.push(line);
	tickAt(state, rel, state.now + state.params.relocationSkeletonMs);
	return { lines: [line], rc: 0, deferReady: rel.options.synchronous, relocation: rel };
}

/** The guest's workload as the engine runs it: its preset, with the guest's own resident size. */
export function guestWorkload(guest: GuestState): { pages: number; spec: WorkloadSpec } {
	const pages = Math.max(1, Math.ceil(guest.storage.currentBytes / PAGE_BYTES));
	const preset = presetWorkload(guest.workload, pages);
	const residentPages = Math.min(pages, Math.ceil(guest.storage.residentBytes / PAGE_BYTES));
	return {
		pages,
		spec: { ...preset, residentPages, hotPages: Math.min(preset.hotPages, residentPages) }
	};
}

const seconds = (s: number | null): number | null => (s === null ? null : s * 1000);

function totalExceeded(state: SimState, rel: RelocationState): boolean {
	const max = seconds(rel.options.maxTotalS);
	return max !== null && state.now - rel.startedAt >= max;
}

/** The skeleton exists on the destination: memory starts to move. */
function skeletonDone(state: SimState, rel: RelocationState): void {
	if (totalExceeded(state, rel)) return limitExceeded(state, rel, 'MAXTOTAL');
	const check = recheck(state, rel);
	if (!check.eligible) return terminateIneligible(state, rel, check);
	const guest = state.cluster.guests.find((g) => g.user === rel.user && g.on === rel.from)!;
	const link = findLink(state.cluster.links, rel.from, rel.to)!;
	drive(state, rel, { type: 'relocation.phaseDone', eligible: true }, 'skeleton created');
	const { pages, spec } = guestWorkload(guest);
	const maxTotal = seconds(rel.options.maxTotalS);
	rel.engine = {
		startMs: state.now,
		seed: nextUint32(state.rng),
		guestPages: pages,
		workload: spec,
		sliceMs: state.params.relocationSliceMs,
		guestStateMs: state.params.relocationGuestStateMs,
		maxTotalMs: maxTotal === null ? null : maxTotal - (state.now - rel.startedAt),
		maxQuiesceMs: seconds(rel.options.maxQuiesceS),
		immediate: rel.options.immediate,
		link: link.id,
		bandwidth: [],
		steps: [],
		steppedTo: state.now,
		running: true
	};
	refreshBandwidth(state);
	nextEngineTick(state, rel, startEngine(state, rel));
}

const BOUNDARY_REASON = [
	'pre-copy stopped: quiesce',
	'penultimate pass and guest state moved',
	'final pass done'
];

/** Steps the engine to now and follows it through the phases, re-checking at each boundary. */
function advanceMemory(state: SimState, rel: RelocationState): void {
	const engine = stepEngine(state, rel, state.now);
	if (!engine) return;
	takeReport(state, rel, engine.report());
	const target = engineLevel(engine);
	while ((PHASE_LEVEL[rel.phase] ?? 3) < target) {
		const check = recheck(state, rel);
		if (!check.eligible) return terminateIneligible(state, rel, check);
		const level = PHASE_LEVEL[rel.phase]!;
		drive(state, rel, boundaryEvent(level), BOUNDARY_REASON[level]!);
	}
	if (rel.phase === 'Resuming') {
		closeEngine(state, rel, engine);
		const guest = state.cluster.guests.find((g) => g.user === rel.user && g.on === rel.from);
		const source = state.cluster.members.find((m) => m.name === rel.from)!;
		const dest = state.cluster.members.find((m) => m.name === rel.to)!;
		if (guest) moveToDestination(state, guest, source, dest);
		refreshBandwidth(state);
		tickAt(state, rel, state.now + state.params.relocationResumeMs);
		return;
	}
	if (engine.outcome === 'max-quiesce') return limitExceeded(state, rel, 'MAXQUIESCE');
	if (engine.outcome === 'max-total') return limitExceeded(state, rel, 'MAXTOTAL');
	if (engine.outcome !== 'running') {
		return stop(
			state,
			rel,
			failedCheck(rel.phase),
			[reasonLine(rel.user, null, 'The memory transfer could not complete')],
			`engine ${engine.outcome}`
		);
	}
	nextEngineTick(state, rel, engine);
}

/** The next engine tick: the next grid point, the estimated pass end or a limit, if sooner. */
function nextEngineTick(state: SimState, rel: RelocationState, engine: Precopy): void {
	tickAt(state, rel, engineTickAt(engine, rel.engine!, state.now));
}

/**
 * The guest runs on the destination: the issuer is told, and its console shows Linux
 * re-establishing its network. Its record moved there when the final pass ended; if the
 * destination has gone down since, the guest went down with it (cluster-dynamics.ts) and nothing
 * is shown.
 */
function resumed(state: SimState, rel: RelocationState): void {
	drive(state, rel, { type: 'relocation.phaseDone', eligible: true }, 'resumed on the destination');
	const guest = state.cluster.guests.find((g) => g.user === rel.user && g.on === rel.to);
	if (guest) {
		rel.guestConsole.push(...guestResumed(state, guest, rel.from));
		emit(state, rel, rel.console, [LGR_LINES.relocated(rel.user, rel.from, rel.to)]);
	}
	tickAt(state, rel, state.now + state.params.relocationCleanupMs);
}

/**
 * The source has cleaned up: it logs the guest off "in the same way as though you logged off
 * the guest" (000 A.1.2). The LOGOFF message goes to the guest's console on the source, which
 * the book's MAINT observed (Example A-6, A-14, A-32: SET OBSERVER, Example A-31); a console
 * that does not observe the guest does not show it (001, 000 Examples 3-8, 4-10). USERS counts
 * the users left on the source, the scenario's other users included (Example A-14: 18).
 */
function cleanedUp(state: SimState, rel: RelocationState): void {
	drive(state, rel, { type: 'relocation.phaseDone', eligible: true }, 'cleaned up on the source');
	const source = state.cluster.members.find((m) => m.name === rel.from);
	const users = source
		? memberUsers(state, source)
		: state.cluster.guests.filter((g) => g.on === rel.from).length;
	const text = LGR_LINES.logoff(rel.user, users);
	rel.guestConsole.push(text);
	record(state, { kind: 'guest.console', user: rel.user, on: rel.from, text });
	record(state, {
		kind: 'guest.logoff',
		user: rel.user,
		on: rel.from,
		reason: `FORCED BY SYSTEM: relocated to ${rel.to}`
	});
	closeCommand(state, rel, 0);
	finish(state, rel, 'relocated', `relocated to ${rel.to}`);
}

/** A `relocation.tick` event: the current phase's work is done, or memory has moved on. */
export function relocationTick(state: SimState, id: number): void {
	const rel = relocationById(state, id);
	if (!rel || rel.outcome !== null) return;
	switch (rel.phase) {
		case 'CreatingSkeleton':
			return skeletonDone(state, rel);
		case 'MovingMemory':
		case 'MovingGuest':
		case 'FinalMemCopy':
			return advanceMemory(state, rel);
		case 'Resuming':
			return resumed(state, rel);
		case 'CleaningUp':
			return cleanedUp(state, rel);
		default:
			return;
	}
}

/**
 * Brings a relocation's memory phases up to now (a CANCEL must see the phase the relocation is
 * really in). Steps the engine only when a CANCEL or a failure stops it.
 */
function catchUp(state: SimState, rel: RelocationState): void {
	if (MEMORY_PHASES.includes(rel.phase)) advanceMemory(state, rel);
}

/** What VMRELOCATE CANCEL answers, and lines for the MOVE's own console. */
export interface CancelAnswer {
	lines: string[];
	/** Lines for the console the MOVE was typed on, after the CANCEL's own output. */
	followUp: { on: string; text: string }[];
}

/**
 * VMRELOCATE CANCEL: stops `rel` in any phase before the guest resumes on the destination; the
 * guest keeps running on the source (001: "has been canceled by CELESKEY on GDLMCPX4").
 */
export function cancelRelocation(
	state: SimState,
	rel: RelocationState,
	by: string,
	on: string,
	console: string
): CancelAnswer {
	catchUp(state, rel);
	if (rel.outcome !== null) return { lines: [LGR_LINES.noneInProgress], followUp: [] };
	if (!UNDOABLE_PHASES.includes(rel.phase)) {
		return {
			lines: [
				reasonLine(
					rel.user,
					null,
					`The relocation cannot be canceled: the guest is already running on ${rel.to}`
				)
			],
			followUp: []
		};
	}
	const engine = engineOf(state, rel);
	engine?.cancel();
	const line = LGR_LINES.canceled(rel.user, rel.from, rel.to, by, on);
	drive(state, rel, { type: 'relocation.cancel', by }, `canceled by ${by} on ${on}`);
	rel.messages.push(line);
	const followUp: { on: string; text: string }[] = [];
	if (rel.console !== console) followUp.push({ on: rel.console, text: line });
	if (rel.options.synchronous) followUp.push({ on: rel.console, text: readyText(state, 0) });
	finish(state, rel, 'cancelled', `canceled by ${by} on ${on}`);
	return { lines: [line], followUp };
}

/**
 * After anything changed the cluster: relocations whose destination left, whose source went
 * down or whose ISFC link failed are terminated at once (000 App. A.1: "a channel-to-channel
 * (CTC) connection can be lost"); the others' bandwidth follows the link's capacity and the
 * number of relocations sharing it.
 */
export function afterClusterChange(state: SimState): void {
	if (!state.relocations.some((r) => r.outcome === null)) return;
	const c = state.cluster;
	for (const rel of activeRelocations(state)) {
		if (!UNDOABLE_PHASES.includes(rel.phase) || rel.phase === 'Eligibility') continue;
		const link = findLink(c.links, rel.from, rel.to);
		const from = c.members.find((m) => m.name === rel.from);
		const to = c.members.find((m) => m.name === rel.to);
		const guest = c.guests.some((g) => g.user === rel.user && g.on === rel.from);
		const lost =
			!link || !linkUp(link) || from?.state !== 'Joined' || to?.state !== 'Joined' || !guest;
		if (!lost) continue;
		const check = recheck(state, rel);
		const reasons = check.eligible
			? [
					reasonLine(
						rel.user,
						null,
						`Destination ${rel.to} cannot be reached from ${rel.from} over ISFC`
					)
				]
			: reasonLines(check);
		stop(state, rel, { type: 'relocation.destinationLost' }, reasons, 'destination or link lost');
	}
	refreshBandwidth(state);
}

/**
 * Re-reads each running transfer's share of its link: the link's one-direction capacity
 * (`linkShare`) split among the relocations moving memory the same way over it. A change is
 * appended to the transfer's bandwidth history and its next tick re-planned.
 */
function refreshBandwidth(state: SimState): void {
	const running = activeRelocations(state).filter((r) => r.engine?.running);
	for (const rel of running) {
		const e = rel.engine!;
		const link = state.cluster.links.find((l) => l.id === e.link);
		const sharers = running.filter((r) => r.from === rel.from && r.to === rel.to).length;
		const mbps = link ? linkShare(link, sharers)(state.now) : 0;
		const last = e.bandwidth.at(-1);
		if (last && last[1] === mbps) continue;
		e.bandwidth.push([state.now, mbps]);
		if (last) {
			const engine = engineOf(state, rel);
			if (engine) nextEngineTick(state, rel, engine);
		}
	}
}

/** Options as the STATUS DETAILS `Options:` line prints them (001: `ASYNCH IMMED NO`). */
export function optionsLine(o: RelocationOptions): string {
	const force = forceWords(o);
	return `Options: ${o.synchronous ? 'SYNCH' : 'ASYNCH'} IMMED ${o.immediate ? 'YES' : 'NO'}${force.length > 0 ? ` FORCE ${force.join(' ')}` : ''}`;
}

/** The pass counts STATUS DETAILS prints (001: `Total pages sent N in K passes; M pages sent in pass K+1`). */
export function passCounts(state: SimState, rel: RelocationState): PassCounts {
	return passCountsOf(engineOf(state, rel), rel.passes);
}
