import { buildInitialState } from '$lib/core/model/build';
import { loadBuiltin } from '$lib/core/scenarios/index';
import { validateScenario } from '$lib/core/config/scenario';
import type { ScenarioSpec } from '$lib/core/config/scenario-types';
import { Simulation } from '$lib/core/simulation';
import { nextFloat, seedPrng } from '$lib/core/sim/prng';

/** A built-in scenario's spec; fails the test loudly if it does not validate. */
export function builtin(id: string): ScenarioSpec {
	const r = loadBuiltin(id);
	if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
	return r.value;
}

/** A fresh simulation of a built-in scenario. */
export function simOf(id: string, seed?: number): Simulation {
	return new Simulation(buildInitialState(builtin(id), seed));
}

/** A simulation of an inline scenario object (validated like a file). */
export function simFrom(json: unknown): Simulation {
	const r = validateScenario(json);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return new Simulation(buildInitialState(r.value));
}

/** A member's state by name. */
export function stateOf(sim: Simulation, name: string): string {
	const m = sim.state.cluster.members.find((x) => x.name === name);
	if (!m) throw new Error(`no member ${name}`);
	return m.state;
}

/** A seeded source of floats in [0, 1) for fuzz tests: the core's own PRNG, so runs repeat exactly. */
export function randomSource(seed: number): () => number {
	const state = seedPrng(seed);
	return () => nextFloat(state);
}

/** A scenario or JSON object as tests patch it. */
export type Json = Record<string, unknown>;

/** The `guests` array of a scenario JSON, for patching in tests. */
export const guestsOf = (j: Json): Json[] => j.guests as Json[];

/** A guest as the validator returns it when the scenario gives only user and member. */
export function defaultGuestSpec(user: string, on: string): Json {
	return {
		user,
		on,
		status: 'disconnected',
		kind: 'USER',
		residentBytes: null,
		workload: null,
		logicalDevices: [],
		segments: [],
		iucv: [],
		vmcf: false,
		overhead: { pageableBytes: 0, fixedBytes: 0 }
	};
}

/** A guest's `accounting` as the validator returns it when the scenario gives none. */
export const NO_ACCOUNTING = { loggedOnForMs: 0, virtualCpuMs: 0, totalCpuMs: 0 };
