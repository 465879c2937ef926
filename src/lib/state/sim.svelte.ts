/**
 * Svelte 5 runes adapter over the simulation worker client: the latest frame as reactive
 * state, a narration of state changes for the page's live region, and methods that send
 * requests. Create it on the page and call {@link SimSession.start} in the browser only.
 */
import type { InputResult } from '../core/simulation';
import type { SimInput } from '../core/sim/events';
import { createSimClient, SimRequestError, type SimClient } from '../worker/client';
import { readPageMap, type PageMapImage } from '../worker/page-map-read';
import type { SimView, TailView } from '../worker/protocol';
import { mergeTail } from '../worker/tail';
import { relocationNarration } from './relocation-narration';

/**
 * Narrates what changed between two frames: member states, the cluster mode, and relocations
 * starting, changing phase and ending; not the clock, not the pass counts.
 */
export function narrate(before: SimView | null, after: SimView): string | null {
	if (!before || before.generation !== after.generation) {
		return `Loaded ${after.scenario.title}. Cluster ${after.cluster.name} is in ${after.cluster.mode} mode.`;
	}
	const parts: string[] = [];
	for (const m of after.members) {
		const was = before.members.find((b) => b.name === m.name);
		if (was && was.state !== m.state) parts.push(`${m.name} is now ${m.state}.`);
	}
	if (before.cluster.mode !== after.cluster.mode) {
		parts.push(`Cluster ${after.cluster.name} entered ${after.cluster.mode} mode.`);
	}
	parts.push(...relocationNarration(before.relocations, after.relocations));
	return parts.length > 0 ? parts.join(' ') : null;
}

export class SimSession {
	/** The latest frame, or null before the first one. Replaced whole (never mutated). */
	view = $state.raw<SimView | null>(null);
	/** The console/log tail, merged from the frames' tails (frames omit it when it has not changed). */
	tail = $state.raw<TailView | null>(null);
	/** The latest page-map image of the watched relocation (kept after its transfer ends). */
	pageMap = $state.raw<PageMapImage | null>(null);
	/** The latest narration for the polite status region. */
	announcement = $state('');
	/** The last problem to show the user (a refused request, a failed worker), or null. */
	problem = $state<string | null>(null);

	#client: SimClient | null = null;
	#unsubscribe: (() => void)[] = [];

	/** Starts the worker. Safe to call more than once. */
	start(): void {
		if (this.#client) return;
		const client = createSimClient();
		this.#client = client;
		this.#unsubscribe.push(
			client.subscribe((view, frame) => {
				const said = narrate(this.view, view);
				if (said) this.announcement = said;
				if (this.view && this.view.generation !== view.generation) this.pageMap = null;
				if (view.tail) this.tail = mergeTail(this.tail, view.tail);
				if (frame) {
					const read = readPageMap(frame);
					if (read.ok) this.pageMap = read.image;
					else this.problem = read.error;
				}
				this.view = view;
			}),
			client.onProblem((message) => (this.problem = message))
		);
	}

	/** Stops the worker and forgets it. */
	stop(): void {
		for (const u of this.#unsubscribe) u();
		this.#unsubscribe = [];
		this.#client?.terminate();
		this.#client = null;
	}

	get client(): SimClient {
		if (!this.#client) throw new Error('the simulation is not started');
		return this.#client;
	}

	/** Runs a request, turning a refusal into {@link problem} (and `null`) instead of a throw. */
	async #try<T>(run: () => Promise<T>): Promise<T | null> {
		try {
			const value = await run();
			return value;
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			return null;
		}
	}

	/** Loads a built-in scenario; rejects (with the worker's message) if the id is unknown. */
	async load(scenario: string, seed?: number): Promise<void> {
		const body =
			seed === undefined
				? { type: 'load' as const, scenario }
				: { type: 'load' as const, scenario, seed };
		await this.client.request(body);
		this.problem = null;
	}

	/** Applies an input; returns what the simulation answered, or null if the request was refused. */
	apply(input: SimInput): Promise<InputResult | null> {
		return this.#try(async () => {
			const r = await this.client.request({ type: 'apply', input });
			if (!r.result.ok) this.problem = r.result.lines.join(' ');
			return r.result;
		});
	}

	/** Runs a CP command on a member's console. */
	command(on: string, text: string): Promise<InputResult | null> {
		return this.apply({ kind: 'command', on, text });
	}

	async play(): Promise<void> {
		await this.#try(() => this.client.request({ type: 'play' }));
	}

	async pause(): Promise<void> {
		await this.#try(() => this.client.request({ type: 'pause' }));
	}

	async setSpeed(speed: number): Promise<void> {
		await this.#try(() => this.client.request({ type: 'speed', speed }));
	}

	/** Runs the next pending event; pauses playback. */
	async step(): Promise<void> {
		await this.#try(() => this.client.request({ type: 'step' }));
	}

	/** Chooses the relocation whose page map frames carry; null: the most recent moving memory. */
	async watch(relocation: number | null): Promise<void> {
		await this.#try(() => this.client.request({ type: 'watch', relocation }));
	}

	/** Advances simulated time by `ms`. */
	async runFor(ms: number): Promise<void> {
		await this.#try(() => this.client.request({ type: 'runFor', ms }));
	}

	dismissProblem(): void {
		this.problem = null;
	}
}

export { SimRequestError };
