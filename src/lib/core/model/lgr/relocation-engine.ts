/**
 * The memory-transfer engines of the relocations in progress, kept beside the simulation state
 * rather than in it: their page maps are typed arrays, which a JSON snapshot cannot hold. The
 * table is keyed by the state object, so a restored snapshot (a new object) starts with an empty
 * table, and each engine is rebuilt on first use from its {@link EngineRecord}: the same seed,
 * the same bandwidth history and the same off-grid step targets give the same engine, page for
 * page (precopy.ts: results depend only on the inputs, the seed and the step targets).
 */
import type { BandwidthFn } from '../../engine/bandwidth';
import { zvmPolicy } from '../../engine/policy-zvm';
import { createPrecopy, type Precopy } from '../../engine/precopy';
import type { WorkloadSpec } from '../../engine/workload';
import type { SimState } from '../../sim/state';
import type { EngineRecord, RelocationState } from './relocation-types';

const tables = new WeakMap<SimState, Map<number, Precopy>>();

function table(state: SimState): Map<number, Precopy> {
	let t = tables.get(state);
	if (!t) tables.set(state, (t = new Map()));
	return t;
}

/**
 * The bandwidth of a recorded history: the value of the last change strictly before `t`, so
 * that a change made at time T never alters what the engine already read at T or before.
 */
export function bandwidthHistory(points: readonly [number, number][]): BandwidthFn {
	return (t) => {
		for (let i = points.length - 1; i > 0; i--) if (points[i]![0] < t) return points[i]![1];
		return points[0]?.[1] ?? 0;
	};
}

/**
 * The workload of a transfer over time: the spec of the last change strictly before `t`, else
 * the one it started with (the same objects every time, so an unchanged spec is not retuned).
 */
export function workloadHistory(e: EngineRecord): (t: number) => WorkloadSpec {
	// Read at each call: changes are appended to the record while the engine runs.
	return (t) => {
		const changes = e.workloads ?? [];
		for (let i = changes.length - 1; i >= 0; i--) if (changes[i]![0] < t) return changes[i]![1];
		return e.workload;
	};
}

function build(e: EngineRecord): Precopy {
	const nolimit = (v: number | null) => (v === null ? Infinity : v);
	return createPrecopy({
		guestPages: e.guestPages,
		workload: e.workload,
		seed: e.seed,
		startMs: e.startMs,
		sliceMs: e.sliceMs,
		guestStateMs: e.guestStateMs,
		maxTotalMs: nolimit(e.maxTotalMs),
		maxQuiesceMs: nolimit(e.maxQuiesceMs),
		bandwidthMBps: bandwidthHistory(e.bandwidth),
		workloadAt: workloadHistory(e),
		policy: zvmPolicy({ immediate: e.immediate, maxQuiesceMs: nolimit(e.maxQuiesceMs) })
	});
}

/** Whether `t` is on the engine's time grid (a step there does not change its results). */
function onGrid(e: EngineRecord, t: number): boolean {
	return (t - e.startMs) % e.sliceMs === 0;
}

/** Starts the engine of a relocation whose memory begins to move (its record is new). */
export function startEngine(state: SimState, rel: RelocationState): Precopy {
	const e = rel.engine!;
	const engine = build(e);
	table(state).set(rel.id, engine);
	return engine;
}

/**
 * The engine of a running transfer, rebuilt by replay when this state has none (it was restored
 * from a snapshot or copied). Null when the transfer is not running.
 */
export function engineOf(state: SimState, rel: RelocationState): Precopy | null {
	const e = rel.engine;
	if (!e || !e.running) return null;
	const t = table(state);
	let engine = t.get(rel.id);
	if (!engine) {
		engine = build(e);
		for (const at of e.steps) engine.step(at);
		engine.step(e.steppedTo);
		t.set(rel.id, engine);
	}
	return engine;
}

/** Steps a running engine to simulated time `t`, recording the step when it is off the grid. */
export function stepEngine(state: SimState, rel: RelocationState, t: number): Precopy | null {
	const engine = engineOf(state, rel);
	const e = rel.engine;
	if (!engine || !e || t <= e.steppedTo) return engine;
	engine.step(t);
	if (!onGrid(e, t)) e.steps.push(t);
	e.steppedTo = t;
	return engine;
}

/** Releases a finished transfer's engine (its page map goes back to the pool). */
export function releaseEngine(state: SimState, rel: RelocationState): void {
	if (rel.engine) rel.engine.running = false;
	const t = table(state);
	const engine = t.get(rel.id);
	if (!engine) return;
	t.delete(rel.id);
	engine.dispose();
}
