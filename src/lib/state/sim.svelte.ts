/**
 * Svelte 5 runes adapter over the simulation worker client: the latest frame as reactive
 * state, a narration of state changes for the page's live region, and methods that send
 * requests. Create it on the page and call {@link SimSession.start} in the browser only.
 */
import type { InputResult } from '../core/simulation';
import type { SimInput, TimedInput } from '../core/sim/events';
import { formatElapsed } from '../ui/format';
import { createSimClient, SimRequestError, type SimClient } from '../worker/client';
import { readPageMap, type PageMapImage } from '../worker/page-map-read';
import { mergeHistories, NO_HISTORIES } from '../worker/history-merge';
import type {
	ApplyOk,
	InlineScenario,
	LoadOk,
	RecordingOk,
	RelocationHistory,
	MachinesOk,
	ReportOk,
	SimView,
	TailView
} from '../worker/protocol';
import { mergeTail } from '../worker/tail';
import { relocationNarration } from './relocation-narration';
import { WorkerSession } from './worker-session.svelte';

/**
 * Narrates what changed between two frames: member states, the cluster mode, and relocations
 * starting, changing phase and ending; not the clock, not the pass counts.
 */
export function narrate(before: SimView | null, after: SimView): string | null {
	if (!before || before.generation !== after.generation) {
		return `Loaded ${after.scenario.title}. Cluster ${after.cluster.name} is in ${after.cluster.mode} mode.`;
	}
	const parts: string[] = [];
	const was = before.timeline;
	const now = after.timeline;
	if (now.revision !== was.revision) {
		if (now.forkedAt !== null && now.forkedAt !== was.forkedAt && now.forkedAt === after.now) {
			parts.push(`Forked at ${formatElapsed(after.now)}: the recorded future is discarded.`);
		} else if (now.latest === 0 && now.recorded === 0) {
			parts.push(`Back to the start of ${after.scenario.title}.`);
		} else {
			parts.push(`Now at ${formatElapsed(after.now)}${now.inPast ? ', viewing the past' : ''}.`);
		}
	}
	for (const m of after.members) {
		const was = before.members.find((b) => b.name === m.name);
		if (was && was.state !== m.state) parts.push(`${m.name} is now ${m.state}.`);
	}
	if (before.cluster.mode !== after.cluster.mode) {
		parts.push(`Cluster ${after.cluster.name} entered ${after.cluster.mode} mode.`);
	}
	parts.push(...relocationNarration(before.relocations, after.relocations));
	// What a fault, a repair or a live change did, said once (not after a jump in time, whose
	// differences are not changes the reader made).
	if (now.revision === was.revision) parts.push(...changeNarration(before, after));
	return parts.length > 0 ? parts.join(' ') : null;
}

/** A link's capacity or device count, and a guest's workload, when they changed. */
function changeNarration(before: SimView, after: SimView): string[] {
	const parts: string[] = [];
	for (const l of after.links) {
		const was = before.links.find((b) => b.id === l.id);
		if (!was || (was.capacityMBps === l.capacityMBps && was.totalCtcs === l.totalCtcs)) continue;
		const name = `${l.between[0]}–${l.between[1]}`;
		parts.push(
			`Link ${name}: ${l.workingCtcs} of ${l.totalCtcs} CTCs working, ${l.capacityMBps} MB/s.`
		);
	}
	for (const m of after.members) {
		const was = before.members.find((b) => b.name === m.name);
		for (const g of m.guests) {
			const old = was?.guests.find((x) => x.user === g.user && x.runsHere === g.runsHere);
			if (g.runsHere && old && old.workload !== g.workload) {
				parts.push(`${g.user} on ${m.name} now runs the ${g.workload} workload.`);
			}
		}
	}
	return parts;
}

export class SimSession extends WorkerSession<SimClient> {
	/** The latest frame, or null before the first one. Replaced whole (never mutated). */
	view = $state.raw<SimView | null>(null);
	/** The console/log tail, merged from the frames' tails (frames omit it when it has not changed). */
	tail = $state.raw<TailView | null>(null);
	/** The latest page-map image of the watched relocation (kept after its transfer ends). */
	pageMap = $state.raw<PageMapImage | null>(null);
	/** Logged event times for the timeline (frames carry them only when they change). */
	ticks = $state.raw<number[]>([]);
	/**
	 * The chart records of the relocations shown, by id (frames carry a record only when it
	 * changed): replaced only when one changed, so charts fed from it keep their inputs.
	 */
	histories = $state.raw<ReadonlyMap<number, RelocationHistory>>(NO_HISTORIES);

	/** Calls waiting for playback to reach a time (see {@link playUntil}). */
	#waiters: { t: number; generation: number; armed: boolean; done: (reached: boolean) => void }[] =
		[];
	/** The generation of the last load answered: older frames are stale. */
	#generation = 0;

	constructor() {
		super('the simulation is not started');
	}

	/**
	 * Settles the waiters a frame decides: reached (paused at or after their time), or stopped
	 * short (paused before it, or the stop forgotten by a jump in time, or another load). Frames of
	 * an earlier load are stale and decide nothing.
	 */
	#settle(view: SimView): void {
		this.#waiters = this.#waiters.filter((w) => {
			if (view.generation < w.generation) return true;
			if (view.generation > w.generation) w.done(false);
			else if (!view.playing && view.now >= w.t) w.done(true);
			else if (view.stopAt === w.t) {
				w.armed = true;
				return true;
			} else if (w.armed) w.done(false);
			else return true;
			return false;
		});
	}

	protected connect(): SimClient {
		return createSimClient();
	}

	protected listen(client: SimClient): () => void {
		return client.subscribe((view, frame) => {
			const said = narrate(this.view, view);
			if (said) this.announcement = said;
			const before = this.view;
			const jumped =
				before !== null &&
				(before.generation !== view.generation ||
					before.timeline.revision !== view.timeline.revision);
			// After a load or a jump the old image is of another moment; a moving one is resent.
			if (jumped) this.pageMap = null;
			if (view.timeline.ticks) this.ticks = view.timeline.ticks;
			if (view.tail) this.tail = mergeTail(this.tail, view.tail);
			const histories = mergeHistories(this.histories, view.histories, view.relocations);
			if (histories !== this.histories) this.histories = histories;
			if (frame) {
				const read = readPageMap(frame);
				if (read.ok) this.pageMap = read.image;
				else this.problem = read.error;
			}
			this.view = view;
			this.#settle(view);
		});
	}

	/**
	 * Loads a built-in scenario by id, or a scenario inline; with `inputs` and `t`, replays them
	 * and pauses at `t` (a shared link). Rejects with the worker's message (a
	 * {@link SimRequestError} naming the field) when the scenario or the recording is refused.
	 */
	async load(
		scenario: string | InlineScenario,
		options: { seed?: number; inputs?: TimedInput[]; t?: number } = {}
	): Promise<LoadOk> {
		const body: { type: 'load'; scenario: string | InlineScenario } & typeof options = {
			type: 'load',
			scenario
		};
		if (options.seed !== undefined) body.seed = options.seed;
		if (options.inputs !== undefined) body.inputs = options.inputs;
		if (options.t !== undefined) body.t = options.t;
		const r = await this.client.request(body);
		this.#generation = r.generation;
		this.problem = null;
		return r;
	}

	/**
	 * Applies an input; returns the simulation's answer (with `forkedAt` set when the input,
	 * given in the past, forked the run), or null if the request was refused.
	 */
	apply(input: SimInput): Promise<ApplyOk | null> {
		return this.attempt(async () => {
			const r = await this.client.request({ type: 'apply', input });
			if (!r.result.ok) this.problem = r.result.lines.join(' ');
			return r;
		});
	}

	/** Runs a CP command on a member's console. */
	async command(on: string, text: string): Promise<InputResult | null> {
		return (await this.apply({ kind: 'command', on, text }))?.result ?? null;
	}

	async play(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'play' }));
	}

	/**
	 * Plays until simulated time `t` (after the time shown) and pauses exactly there. Resolves
	 * true once a frame shows the run paused at `t`; false when it stopped short (a pause, a jump
	 * in time, another load) or the request was refused.
	 */
	playUntil(t: number): Promise<boolean> {
		return new Promise((done) => {
			// Waiting starts before the request, so a run that ends at once is not missed.
			const w = { t, generation: this.#generation, armed: false, done };
			this.#waiters.push(w);
			void this.attempt(() => this.client.request({ type: 'play', until: t })).then((r) => {
				if (r === null && this.#waiters.includes(w)) {
					this.#waiters = this.#waiters.filter((x) => x !== w);
					done(false);
				}
			});
		});
	}

	async pause(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'pause' }));
	}

	async setSpeed(speed: number): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'speed', speed }));
	}

	/** Runs the next pending event; pauses playback. */
	async step(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'step' }));
	}

	/** Goes back to the previous logged event, exactly; pauses playback. */
	async stepBack(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'stepBack' }));
	}

	/** Shows simulated time `t` (0 to the latest reached) exactly as the run had it. */
	async seek(t: number): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'seek', t }));
	}

	/** Discards the recorded future: the run goes on live from the time shown. */
	async fork(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'fork' }));
	}

	/** Starts the scenario over at time 0, with nothing recorded. */
	async reset(): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'reset' }));
	}

	/** The inputs applied up to the time shown, the seed and the speed: what a link records. */
	recording(): Promise<RecordingOk | null> {
		return this.attempt(() => this.client.request({ type: 'recording' }));
	}

	/**
	 * The whole run up to the time shown (every log entry, relocation, pass and phase) and the
	 * recording that replays it, for "Download run data"; null if the request was refused.
	 */
	report(): Promise<ReportOk | null> {
		return this.attempt(() => this.client.request({ type: 'report' }));
	}

	/** The member, cluster-mode and relocation machines' graphs, for the state charts; null if refused. */
	machines(): Promise<MachinesOk | null> {
		return this.attempt(() => this.client.request({ type: 'machines' }));
	}

	/** Chooses the relocation whose page map frames carry; null: the most recent moving memory. */
	async watch(relocation: number | null): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'watch', relocation }));
	}

	/** Advances simulated time by `ms`. */
	async runFor(ms: number): Promise<void> {
		await this.attempt(() => this.client.request({ type: 'runFor', ms }));
	}
}

export { SimRequestError };
