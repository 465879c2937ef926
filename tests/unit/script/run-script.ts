// Runs a scripted step in Node on the lab's worker host (host-harness.ts), for tests of lessons
// and decks: the step's inputs at their offsets and time to its end, exactly as the page's
// ScriptPlayer does, then the frame and consoles a question is judged on.
import type { ConsoleLine } from '$lib/core/sim/events';
import type { RunResult } from '$lib/script/observe';
import {
	positionBefore,
	stepEnd,
	stepInputs,
	stepStart,
	type ScriptedRun
} from '$lib/script/script';
import type { SimView, WorkerMessage } from '$lib/worker/protocol';
import { mergeTail } from '$lib/worker/tail';
import { harness } from '../worker/host-harness';

type Harness = ReturnType<typeof harness>;

/** The newest frame's view, with the consoles of all frames merged. */
export function latest(h: Harness): { view: SimView; console: Record<string, ConsoleLine[]> } {
	const frames = h.frames().map((f) => f.frame.view);
	let tail = null;
	for (const v of frames) if (v.tail) tail = mergeTail(tail, v.tail);
	const view = frames.at(-1);
	if (!view) throw new Error('no frame');
	return { view, console: tail?.console ?? {} };
}

function ok(m: WorkerMessage, what: string): void {
	if (m.type !== 'ok') throw new Error(`${what}: ${JSON.stringify(m)}`);
}

/** Plays until `t` at the step's speed, letting wall-clock time pass until the host pauses there. */
function playUntil(h: Harness, t: number): void {
	ok(h.send({ type: 'play', until: t }), `play until ${t}`);
	for (let i = 0; i < 100_000 && latest(h).view.now < t; i++) h.advance(1000);
	h.advance(100);
	const { view } = latest(h);
	if (view.now !== t || view.playing) throw new Error(`did not pause at ${t}: now ${view.now}`);
}

/** Loads the start of step `k` and runs it; returns what a question is judged on. */
export function runStep(run: ScriptedRun, k: number, h: Harness = harness()): RunResult {
	const p = positionBefore(run, k);
	ok(
		h.send({ type: 'load', scenario: run.scenario, seed: run.seed, inputs: p.inputs, t: p.t }),
		'load'
	);
	// Fast enough that a step of simulated minutes takes few driven wall-clock seconds.
	ok(h.send({ type: 'speed', speed: 1000 }), 'speed');
	for (const x of stepInputs(run, k)) {
		if (x.at > latest(h).view.now) playUntil(h, x.at);
		ok(h.send({ type: 'apply', input: x.input }), 'apply');
	}
	const end = stepEnd(run, k);
	if (end > latest(h).view.now) playUntil(h, end);
	h.advance(100);
	return { ...latest(h), since: stepStart(run, k) };
}
