/**
 * The relocation part of a frame: a compact summary of each live guest relocation, the guest
 * lists of the members with the relocating guest shown on both, and the down-sampled page map
 * of the watched transfer. Pure (no DOM, no timers): runs in the worker and in Node tests.
 *
 * Observing never changes a relocation: pass counts come from the engine as the simulation last
 * stepped it (at most one engine slice old, as VMRELOCATE STATUS shows them), and the page map
 * is read, not stepped.
 */
import { statusText } from '../core/commands/vmrelocate-move';
import { encodeFrame } from '../core/engine/frame';
import { isQuiesced, type RelocationPhase } from '../core/machines/relocation.machine';
import { activeRelocations, optionsLine, passCounts } from '../core/model/lgr/relocation';
import { engineOf } from '../core/model/lgr/relocation-engine';
import type { RelocationState } from '../core/model/lgr/relocation-types';
import type { SimState } from '../core/sim/state';
import {
	MAX_PASSES_SHOWN,
	MAX_RELOCATION_MESSAGES,
	PAGE_MAP_HEIGHT,
	PAGE_MAP_WIDTH,
	RECENT_RELOCATIONS,
	type GuestSummary,
	type PageMapFrame,
	type RelocationStep,
	type RelocationView
} from './protocol';

/** The phases of a relocation that takes its course, in order (Eligibility is instantaneous). */
const STRIP_PHASES: readonly RelocationPhase[] = [
	'CreatingSkeleton',
	'MovingMemory',
	'MovingGuest',
	'FinalMemCopy',
	'Resuming',
	'CleaningUp'
];

/**
 * The phase strip, labelled with VMRELOCATE STATUS's own strings (statusText reads only the
 * phase of the relocation it is given).
 */
export const RELOCATION_STEPS: readonly RelocationStep[] = STRIP_PHASES.map((phase) => ({
	phase,
	label: statusText({ phase } as RelocationState),
	quiesced: isQuiesced(phase)
}));

/** Simulated times in a frame: a tenth of a millisecond is finer than anything shown. */
const tenth = (ms: number): number => Math.round(ms * 10) / 10;

const limit = (s: number | null): string => (s === null ? 'NOLIMIT' : `${s} sec`);

/** What STATUS prints for a relocation in progress; the outcome once it has ended. */
export function relocationStatus(rel: RelocationState): string {
	return rel.outcome ?? statusText(rel);
}

/** Relocations a frame shows: every one in progress and the last {@link RECENT_RELOCATIONS} ended. */
export function relocationsShown(state: SimState): RelocationState[] {
	const all = state.relocations;
	let ended = 0;
	const keep: RelocationState[] = [];
	for (let i = all.length - 1; i >= 0; i--) {
		const r = all[i]!;
		if (r.outcome === null || ended++ < RECENT_RELOCATIONS) keep.push(r);
	}
	return keep.reverse();
}

/** One relocation's summary. */
export function relocationView(state: SimState, rel: RelocationState): RelocationView {
	const counts = passCounts(state, rel);
	const engine = engineOf(state, rel);
	const o = rel.options;
	return {
		id: rel.id,
		user: rel.user,
		from: rel.from,
		to: rel.to,
		by: rel.by,
		phase: rel.phase,
		status: relocationStatus(rel),
		options: [
			optionsLine(o).replace(/^Options: /, ''),
			`MAXTOTAL ${limit(o.maxTotalS)}`,
			`MAXQUIESCE ${limit(o.maxQuiesceS)}`
		].join(' · '),
		maxQuiesceMs: o.maxQuiesceS === null ? null : o.maxQuiesceS * 1000,
		maxTotalMs: o.maxTotalS === null ? null : o.maxTotalS * 1000,
		passesDone: counts.passes,
		pagesSentDone: counts.sent,
		currentPass: counts.current,
		currentPassSent: counts.currentSent,
		currentPassLeft: engine ? engine.map.inFlight : null,
		pagesSent: engine ? counts.sent + counts.currentSent : rel.pagesSent,
		guestPages: rel.engine?.guestPages ?? null,
		elapsedMs: (rel.endedAt ?? state.now) - rel.startedAt,
		quiesceMs: tenth(rel.quiesceMs),
		quiesced: isQuiesced(rel.phase),
		outcome: rel.outcome,
		messages: rel.messages.slice(-MAX_RELOCATION_MESSAGES),
		passes: rel.passes.slice(-MAX_PASSES_SHOWN).map((p) => ({
			n: p.n,
			pages: p.pages,
			startMs: tenth(p.startMs),
			endMs: tenth(p.endMs),
			quiesced: p.quiesced
		}))
	};
}

/** Summaries of the relocations a frame shows. */
export function buildRelocations(state: SimState): RelocationView[] {
	return relocationsShown(state).map((r) => relocationView(state, r));
}

/**
 * The guests a member lists. A guest being relocated appears on both members: where it runs
 * (`runsHere`), and as its skeleton on the destination or its stale image on the source while
 * the source cleans up, each with the relocation's phase. Once relocated, only the destination
 * lists it.
 */
export function memberGuests(state: SimState, member: string): GuestSummary[] {
	const guests = state.cluster.guests;
	// The Eligibility phase is over within the command that starts it: nothing to show yet.
	const moving = activeRelocations(state).filter((r) => r.phase !== 'Eligibility');
	const out: GuestSummary[] = [];
	for (const g of guests) {
		if (g.on !== member) continue;
		const r = moving.find((x) => x.user === g.user && (x.from === g.on || x.to === g.on));
		out.push({
			user: g.user,
			status: g.status,
			kind: g.kind,
			workload: g.workload,
			runsHere: true,
			relocation: r
				? {
						id: r.id,
						role: g.on === r.from ? 'leaving' : 'arrived',
						peer: g.on === r.from ? r.to : r.from,
						status: statusText(r)
					}
				: null
		});
	}
	for (const r of moving) {
		const g = guests.find((x) => x.user === r.user && (x.on === r.from || x.on === r.to));
		if (!g) continue;
		const other = g.on === r.from ? r.to : r.from;
		if (other !== member) continue;
		const arriving = other === r.to;
		out.push({
			user: g.user,
			status: g.status,
			kind: g.kind,
			workload: g.workload,
			runsHere: false,
			relocation: {
				id: r.id,
				role: arriving ? 'arriving' : 'leaving',
				peer: arriving ? r.from : r.to,
				status: statusText(r)
			}
		});
	}
	return out;
}

/**
 * The relocation whose page map frames carry. `wanted` names one by id; null picks the most
 * recent whose memory is moving, else the most recent that moved memory (so that its last
 * image stays on screen after it ends). Null when there is none.
 */
export function watchedRelocation(state: SimState, wanted: number | null): RelocationState | null {
	const all = state.relocations;
	if (wanted !== null) return all.find((r) => r.id === wanted) ?? null;
	for (let i = all.length - 1; i >= 0; i--) if (all[i]!.engine?.running) return all[i]!;
	for (let i = all.length - 1; i >= 0; i--) if (all[i]!.engine) return all[i]!;
	return null;
}

/** What identifies the state of a transfer's page map: it changes only when its engine steps. */
export function pageMapKey(state: SimState, rel: RelocationState | null): string {
	const engine = rel ? engineOf(state, rel) : null;
	if (!rel || !engine) return '';
	return `${rel.id}:${engine.nowMs}:${engine.phase}:${engine.outcome}`;
}

/**
 * The page-map image of a running transfer (engine/frame.ts's encoding, `width`×`height` cells),
 * or null when its memory is not moving.
 */
export function pageMapFrame(
	state: SimState,
	rel: RelocationState | null,
	width = PAGE_MAP_WIDTH,
	height = PAGE_MAP_HEIGHT
): PageMapFrame | null {
	const engine = rel ? engineOf(state, rel) : null;
	if (!rel || !engine) return null;
	return { relocation: rel.id, user: rel.user, buffer: encodeFrame(engine, width, height) };
}
