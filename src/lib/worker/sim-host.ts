/**
 * The worker's controller: owns one {@link Timeline} (the simulation shown, its recorded inputs
 * and checkpoints), answers requests, advances simulated time against a wall clock while
 * playing and pushes throttled frames. The wall clock, timers and `postMessage` are injected,
 * so the same code runs in the worker and in Node tests.
 *
 * Step back, seek, fork and reset are the timeline's (timeline.ts); the host only makes the
 * page start its console and log over after a jump, and drops results from a discarded future.
 */
import { validateScenario } from '../core/config/scenario';
import type { ScenarioResult } from '../core/config/scenario-types';
import { buildInitialState } from '../core/model/build';
import { clusterModeMachine } from '../core/machines/cluster-mode.machine';
import { memberMachine } from '../core/machines/member.machine';
import { relocationMachine } from '../core/machines/relocation.machine';
import { reportOf } from '../core/report';
import { machineGraph } from '../core/machines/graph';
import { BUILTIN_IDS, loadBuiltin } from '../core/scenarios/index';
import type { TimedInput } from '../core/sim/events';
import {
	MAX_TICKS,
	parseRequest,
	type ErrorResponse,
	type LoadRequest,
	type OkResponse,
	type PageMapFrame,
	type ResultView,
	type SimView,
	type SimRequest,
	type TimelineView,
	type WorkerMessage
} from './protocol';
import { errorText } from './messages';
import {
	answer,
	FRAME_MS,
	FrameGate,
	MAX_TICK_GAP_MS,
	PlayClock,
	type HostTimers
} from './host-loop';
import { HistoryTracker } from './relocation-history';
import { pageMapFrame, pageMapKey, relocationsShown, watchedRelocation } from './relocation-view';
import { thinTicks, Timeline } from './timeline';
import { buildTailFrom, buildView, RESULTS_TAIL, type TailMark } from './view';

export { FRAME_MS, MAX_TICK_GAP_MS };

/**
 * Shortest wall-clock gap between two page-map images (about 15 a second, every other frame):
 * down-sampling a 4 GiB guest's map to 256×128 cells costs the worker about 9 ms.
 */
export const PAGE_MAP_MS = 2 * FRAME_MS;

/**
 * The most one frame may carry, view and page-map image together (the LGR issue: at most
 * 64 KiB per animation frame). A frame is about 2-8 KB of view and 32.9 KB of image.
 */
export const FRAME_BUDGET_BYTES = 64 * 1024;

/** A frame's size: its view as JSON (one byte per character: it is nearly all ASCII) and its image. */
export function frameBytes(view: SimView, pageMap: PageMapFrame | null): number {
	return JSON.stringify(view).length + (pageMap?.buffer.byteLength ?? 0);
}

export interface HostEnv extends HostTimers {
	/** Posts a message; `transfer` lists buffers to move to the page rather than copy. */
	post(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
}

interface Loaded {
	timeline: Timeline;
	/** The scenario's `name` (a built-in's id), as run reports give it. */
	name: string;
	title: string;
	source: string;
}

/** Joins a scenario validator's errors into one message, each under `scenario.<path>`. */
function scenarioErrors(r: Extract<ScenarioResult, { ok: false }>): {
	field: string;
	message: string;
} {
	const at = (path: string) => (path ? `scenario.${path}` : 'scenario');
	const first = r.errors[0];
	return {
		field: at(first?.path ?? ''),
		message: `the scenario is not valid: ${r.errors
			.slice(0, 10)
			.map((e) => `${at(e.path)}: ${e.message}`)
			.join('; ')}${r.errors.length > 10 ? ` (and ${r.errors.length - 10} more)` : ''}`
	};
}

export class SimHost {
	private loaded: Loaded | null = null;
	private generation = 0;
	private frame = 0;
	private readonly clock: PlayClock;
	private readonly frames: FrameGate;
	/** What the last frame showed, to skip frames when nothing changed. */
	private lastKey = '';
	private lastTailKey = '';
	/** How far the tails sent since the last load have carried the console and the log. */
	private tailSent: TailMark | undefined = undefined;
	/** The engine state of the last page-map image sent, to send one only when it changed. */
	private lastImageKey = '';
	private lastImageWall = -Infinity;
	/** The relocation a `watch` request asked for; null: the most recent moving memory. */
	private watch: number | null = null;
	/** Where playback pauses by itself (a `play` with `until`), or null. */
	private stopAt: number | null = null;
	private results: ResultView[] = [];
	/** The timeline revision and tick list the last frame carried (ticks are sent when changed). */
	private sentRevision = -1;
	private sentTicks = '';
	/** Which chart record of each relocation the page holds. */
	private histories = new HistoryTracker();

	constructor(private env: HostEnv) {
		this.clock = new PlayClock(env, MAX_TICK_GAP_MS);
		this.frames = new FrameGate(env, FRAME_MS, () => this.flush());
	}

	/** Handles one raw message from the page. Never throws. */
	receive(data: unknown): void {
		// A fault inside the core must not take the running simulation down with it.
		const reply = answer(
			data,
			parseRequest,
			(r) => this.handle(r),
			(r, thrown) => `the simulator failed on this ${r.type} request: ${thrown}`
		);
		// When the frame budget allows, the frame goes first, so that the page sees the effect of a
		// request no later than its answer; otherwise the pending frame follows within FRAME_MS.
		if (reply.type === 'ok' && this.frames.open()) this.flush();
		this.env.post(reply);
	}

	/** Stops timers (the worker is being terminated, or a test is over). */
	dispose(): void {
		this.clock.cancelTick();
		this.frames.cancel();
	}

	private error(id: number, field: string | null, message: string): ErrorResponse {
		return { id, type: 'error', field, message };
	}

	private handle(r: SimRequest): OkResponse | ErrorResponse {
		if (r.type === 'load') return this.load(r);
		if (r.type === 'machines') {
			return {
				id: r.id,
				type: 'ok',
				of: 'machines',
				member: machineGraph(memberMachine),
				clusterMode: machineGraph(clusterModeMachine),
				relocation: machineGraph(relocationMachine)
			};
		}
		if (r.type === 'speed') {
			this.advance();
			this.clock.speed = r.speed;
			this.frames.request();
			return { id: r.id, type: 'ok', of: 'speed', speed: r.speed };
		}
		const loaded = this.loaded;
		if (!loaded) return this.error(r.id, null, `no scenario is loaded: send a load request first`);
		const timeline = loaded.timeline;
		switch (r.type) {
			case 'play':
				if (r.until !== undefined) {
					if (r.until <= timeline.now) {
						return this.error(
							r.id,
							'until',
							`until is ${r.until} ms, not after the time shown (${timeline.now} ms)`
						);
					}
					this.stopAt = r.until;
				} else this.stopAt = null;
				if (!this.clock.playing) {
					this.clock.start();
					this.scheduleTick();
				}
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'play' };
			case 'pause':
				this.advance();
				this.stop();
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'pause' };
			case 'step': {
				// Stepping is a paused activity: the next event, then stand still.
				this.stop();
				const stepped = timeline.step();
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'step', stepped, now: timeline.now };
			}
			case 'stepBack': {
				this.stop();
				const to = timeline.stepBack();
				this.jumped();
				return { id: r.id, type: 'ok', of: 'stepBack', stepped: to !== null, now: timeline.now };
			}
			case 'seek': {
				this.advance();
				if (r.t > timeline.latest) {
					return this.error(
						r.id,
						't',
						`t is ${r.t} ms, after the latest time the run has reached (${timeline.latest} ms)`
					);
				}
				timeline.seek(r.t);
				this.clock.dropCarry();
				this.jumped();
				return { id: r.id, type: 'ok', of: 'seek', now: timeline.now };
			}
			case 'fork': {
				this.advance();
				const discarded = timeline.fork();
				this.jumped();
				return { id: r.id, type: 'ok', of: 'fork', forkedAt: timeline.now, discarded };
			}
			case 'reset':
				this.advance();
				timeline.reset();
				this.clock.dropCarry();
				this.watch = null;
				this.jumped();
				return { id: r.id, type: 'ok', of: 'reset', now: timeline.now };
			case 'recording':
				this.advance();
				return {
					id: r.id,
					type: 'ok',
					of: 'recording',
					seed: timeline.sim.state.seed,
					t: timeline.now,
					inputs: timeline.sim.state.inputs.map((x) => ({ at: x.at, input: x.input })),
					speed: this.clock.speed
				};
			case 'report':
				this.advance();
				return {
					id: r.id,
					type: 'ok',
					of: 'report',
					seed: timeline.sim.state.seed,
					t: timeline.now,
					inputs: timeline.sim.state.inputs.map((x) => ({ at: x.at, input: x.input })),
					report: reportOf(timeline.sim, loaded.name)
				};
			case 'runFor':
				this.advance();
				timeline.advanceTo(timeline.now + r.ms);
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'runFor', now: timeline.now };
			case 'watch': {
				const sim = timeline.sim;
				const id = r.relocation;
				if (id !== null && !sim.state.relocations.some((x) => x.id === id)) {
					const ids = sim.state.relocations.map((x) => x.id);
					return this.error(
						r.id,
						'relocation',
						`no relocation ${id} (${ids.length === 0 ? 'none has been issued' : `relocations: ${ids.join(', ')}`})`
					);
				}
				this.watch = id;
				// The newly chosen map goes at once.
				this.lastImageWall = -Infinity;
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'watch', relocation: id };
			}
			case 'apply': {
				this.advance();
				const { result, forkedAt, discarded } = timeline.apply(r.input);
				if (forkedAt !== null) this.jumped();
				this.results.push({ request: r.id, t: timeline.now, input: r.input, ...result });
				if (this.results.length > RESULTS_TAIL) this.results.shift();
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'apply', result, forkedAt, discarded };
			}
		}
	}

	/** Stops playback (step and step back are paused activities), and forgets any `until`. */
	private stop(): void {
		this.clock.stop();
		this.stopAt = null;
	}

	/**
	 * The state shown jumped (seek, step back, fork, reset): the next tail is whole, results of
	 * inputs after the time shown go, and the page map is sent afresh.
	 */
	private jumped(): void {
		const now = this.loaded?.timeline.now ?? 0;
		this.stopAt = null;
		this.results = this.results.filter((x) => x.t <= now);
		this.tailSent = undefined;
		this.lastTailKey = '';
		this.lastKey = '';
		this.lastImageKey = '';
		this.lastImageWall = -Infinity;
		this.histories.reset();
		this.frames.request();
	}

	private load(r: LoadRequest): OkResponse | ErrorResponse {
		const { id, scenario } = r;
		let spec: ScenarioResult;
		if (typeof scenario === 'string') {
			if (!BUILTIN_IDS.includes(scenario)) {
				return this.error(
					id,
					'scenario',
					`no built-in scenario "${scenario}" (built-in: ${BUILTIN_IDS.join(', ')})`
				);
			}
			spec = loadBuiltin(scenario);
			if (!spec.ok) {
				return this.error(
					id,
					'scenario',
					`built-in scenario "${scenario}" is invalid: ${spec.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`
				);
			}
		} else {
			spec = validateScenario(scenario);
			if (!spec.ok) {
				const { field, message } = scenarioErrors(spec);
				return this.error(id, field, message);
			}
		}
		const timeline = new Timeline(buildInitialState(spec.value, r.seed));
		if (r.inputs !== undefined || r.t !== undefined) {
			const inputs: TimedInput[] = r.inputs ?? [];
			timeline.load(inputs, r.t ?? inputs.at(-1)?.at ?? 0);
			// A replayed link stops where the sender was.
			this.stop();
		}
		// The old simulation is dropped whole, only after the new one is ready: a refused load
		// leaves the running one alone.
		this.loaded = {
			timeline,
			name: spec.value.name,
			title: spec.value.title,
			source: spec.value.source
		};
		this.generation++;
		this.results = [];
		this.clock.rebase();
		this.lastKey = '';
		this.lastTailKey = '';
		this.tailSent = undefined;
		this.lastImageKey = '';
		this.lastImageWall = -Infinity;
		this.watch = null;
		this.stopAt = null;
		this.sentRevision = -1;
		this.sentTicks = '';
		this.histories.reset();
		this.frames.request();
		const state = timeline.sim.state;
		return {
			id,
			type: 'ok',
			of: 'load',
			scenario: typeof scenario === 'string' ? scenario : spec.value.name,
			inline: typeof scenario !== 'string',
			title: spec.value.title,
			seed: state.seed,
			now: timeline.now,
			generation: this.generation
		};
	}

	/** Runs simulated time up to the wall clock (while playing). */
	private advance(): void {
		const timeline = this.loaded?.timeline;
		if (!timeline) {
			this.clock.mark();
			return;
		}
		const whole = this.clock.read();
		if (whole <= 0) return;
		// In the past, the recorded inputs are applied again as their times pass.
		if (this.stopAt !== null && timeline.now + whole >= this.stopAt) {
			timeline.advanceTo(this.stopAt);
			this.stop();
		} else timeline.advanceTo(timeline.now + whole);
	}

	private scheduleTick(): void {
		this.clock.scheduleTick(FRAME_MS, () => {
			try {
				this.advance();
			} catch (e) {
				// Not a stop: what was carried stays for the next play.
				this.clock.playing = false;
				this.env.post({
					id: null,
					type: 'error',
					field: null,
					message: `playback stopped: the simulator failed: ${errorText(e)}`
				});
			}
			this.frames.request();
			if (this.clock.playing) this.scheduleTick();
		});
	}

	/** Sends a frame now if anything the page shows has changed since the last one. */
	private flush(): void {
		this.frames.cancel();
		const loaded = this.loaded;
		if (!loaded) return;
		const timeline = loaded.timeline;
		const sim = timeline.sim;
		const s = sim.state;
		const tailKey = `${this.generation}:${timeline.revision}:${s.console.length}:${s.log.length}:${this.results.length}:${this.results.at(-1)?.request ?? -1}`;
		const watched = watchedRelocation(s, this.watch);
		// The key of the watched map's present state: '' when no memory is moving (nothing to send).
		const imageKey = pageMapKey(s, watched);
		if (imageKey === '') this.lastImageKey = '';
		const wall = this.env.now();
		const imageChanged = imageKey !== this.lastImageKey;
		const imageAt = this.lastImageWall + PAGE_MAP_MS;
		const imageDue = imageChanged && wall >= imageAt;
		const key = `${tailKey}:${s.now}:${timeline.latest}:${timeline.forkedAt}:${timeline.inputs.length}:${this.clock.playing}:${this.stopAt}:${this.clock.speed}:${s.queue.length}:${s.seq}:${this.watch}`;
		if (key === this.lastKey && !imageDue) {
			// Only the image is new, and too soon: it goes with a later frame.
			if (imageChanged) this.frames.request(imageAt);
			return;
		}
		const built =
			tailKey === this.lastTailKey ? null : buildTailFrom(sim, this.results, this.tailSent);
		const tail = built?.tail ?? null;
		const histories = this.histories.update(s, relocationsShown(s));
		const view = buildView(
			sim,
			{
				frame: ++this.frame,
				generation: this.generation,
				title: loaded.title,
				source: loaded.source,
				playing: this.clock.playing,
				stopAt: this.stopAt,
				speed: this.clock.speed,
				watch: this.watch,
				timeline: this.timelineView(timeline),
				histories
			},
			tail
		);
		if (built) this.tailSent = built.mark;
		if ((built && !built.complete) || this.histories.pending) {
			// A burst of console output, or of chart records, too large for one frame: the rest
			// goes in the next ones.
			this.lastKey = '';
			this.lastTailKey = '';
			this.frames.request();
		} else {
			this.lastKey = key;
			this.lastTailKey = tailKey;
		}
		this.frames.sent(wall);
		let pageMap = imageDue ? pageMapFrame(s, watched) : null;
		// A frame whose tail or chart records are unusually long leaves the image to the next
		// frame, within budget.
		if (pageMap && frameBytes(view, pageMap) > FRAME_BUDGET_BYTES) pageMap = null;
		if (pageMap) {
			this.lastImageKey = imageKey;
			this.lastImageWall = wall;
		} else if (imageChanged) this.frames.request(imageAt);
		if (pageMap) this.env.post({ type: 'frame', view, pageMap }, [pageMap.buffer]);
		else this.env.post({ type: 'frame', view });
	}

	/** The timeline part of a frame; its ticks only when they changed since the last frame. */
	private timelineView(timeline: Timeline): TimelineView {
		const ticks = thinTicks(timeline.eventTimes, timeline.latest, MAX_TICKS);
		const ticksKey = ticks.join(',');
		const send = ticksKey !== this.sentTicks || this.sentRevision !== timeline.revision;
		this.sentTicks = ticksKey;
		this.sentRevision = timeline.revision;
		return {
			latest: timeline.latest,
			inPast: timeline.inPast,
			forkedAt: timeline.forkedAt,
			prevEvent: timeline.previousEventTime(),
			nextEvent: timeline.nextEventTime(),
			recorded: timeline.inputs.length,
			applied: timeline.applied,
			revision: timeline.revision,
			ticks: send ? ticks : null
		};
	}
}
