import type { RelocationState } from '$lib/core/model/lgr/relocation-types';
import type { RelocationPhase } from '$lib/core/machines/relocation.machine';
import type { Simulation } from '$lib/core/simulation';

export { body, boot, cmd, ready, sec, type Json } from '../commands/helpers';

/** What the consoles show, in order: `> input` for what was typed, then CP's lines. */
export function transcript(sim: Simulation, on?: string): string[] {
	return sim.state.console
		.filter((l) => on === undefined || l.on === on)
		.map((l) => (l.kind === 'input' ? `> ${l.text}` : l.text));
}

/** Console lines written at or after simulated time `from` (ms), on one member. */
export function linesSince(sim: Simulation, on: string, from: number): string[] {
	return sim.state.console
		.filter((l) => l.on === on && l.t >= from)
		.map((l) => (l.kind === 'input' ? `> ${l.text}` : l.text));
}

/** The relocation with id `id`; throws when there is none. */
export function relocation(sim: Simulation, id: number): RelocationState {
	const r = sim.state.relocations.find((x) => x.id === id);
	if (!r) throw new Error(`no relocation ${id}`);
	return r;
}

/** The last relocation issued. */
export function lastRelocation(sim: Simulation): RelocationState {
	const r = sim.state.relocations.at(-1);
	if (!r) throw new Error('no relocation');
	return r;
}

/** Runs event by event until relocation `id` has ended (at most `limitMs` of simulated time). */
export function runToEnd(sim: Simulation, id: number, limitMs = 3_600_000): RelocationState {
	const r = relocation(sim, id);
	const stop = sim.now + limitMs;
	while (r.outcome === null && sim.now < stop) if (!sim.step()) break;
	if (r.outcome === null) throw new Error(`relocation ${id} still in ${r.phase} at ${sim.now}`);
	return r;
}

/** Runs event by event until relocation `id` is in `phase` (throws if it ends first). */
export function runToPhase(
	sim: Simulation,
	id: number,
	phase: RelocationPhase,
	limitMs = 3_600_000
): RelocationState {
	const r = relocation(sim, id);
	const stop = sim.now + limitMs;
	while (r.phase !== phase && r.outcome === null && sim.now < stop) if (!sim.step()) break;
	if (r.phase !== phase) throw new Error(`relocation ${id} is in ${r.phase}, not ${phase}`);
	return r;
}

/** The phases a relocation went through, with the simulated times it entered each. */
export function phases(sim: Simulation, id: number): { to: RelocationPhase; t: number }[] {
	return sim.state.log.flatMap((e) =>
		e.kind === 'relocation.phase' && e.id === id ? [{ to: e.to, t: e.t }] : []
	);
}

/** Where a user is logged on: the member names, from the cluster's guest records. */
export function whereIs(sim: Simulation, user: string): string[] {
	return sim.state.cluster.guests.filter((g) => g.user === user).map((g) => g.on);
}

/** A `Ready` line with any clock: relocations end at model times the documents do not give. */
export const READY = /^Ready; T=0\.01\/0\.01 \d\d:\d\d:\d\d$/;
