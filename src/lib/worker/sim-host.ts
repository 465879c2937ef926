/**
 * The worker's controller: owns one {@link Simulation}, answers requests, advances simulated
 * time against a wall clock while playing and pushes throttled frames. The wall clock, timers
 * and `postMessage` are injected, so the same code runs in the worker and in Node tests.
 */
import { buildInitialState } from '../core/model/build';
import { BUILTIN_IDS, loadBuiltin } from '../core/scenarios/index';
import { Simulation } from '../core/simulation';
import {
	parseRequest,
	type ErrorResponse,
	type OkResponse,
	type PageMapFrame,
	type ResultView,
	type SimView,
	type SimRequest,
	type WorkerMessage
} from './protocol';
import { pageMapFrame, pageMapKey, watchedRelocation } from './relocation-view';
import { buildTailFrom, buildView, RESULTS_TAIL, type TailMark } from './view';

/** Wall-clock interval between playback ticks (and the minimum gap between frames: ~30/s). */
export const FRAME_MS = 33;
/**
 * Longest wall-clock gap one tick may turn into simulated time. A throttled background tab
 * resumes where it paused instead of leaping ahead by minutes of simulated time.
 */
export const MAX_TICK_GAP_MS = 250;

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

export interface HostEnv {
	/** Posts a message; `transfer` lists buffers to move to the page rather than copy. */
	post(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
	/** Wall-clock milliseconds (performance.now in the worker). */
	now(): number;
	setTimer(fn: () => void, ms: number): unknown;
	clearTimer(handle: unknown): void;
}

interface Loaded {
	sim: Simulation;
	title: string;
	source: string;
}

export class SimHost {
	private loaded: Loaded | null = null;
	private generation = 0;
	private frame = 0;
	private playing = false;
	private speed = 1;
	/** Fraction of a simulated millisecond not yet run (time advances in whole ms). */
	private carry = 0;
	private lastWall = 0;
	private tickTimer: unknown = null;
	private frameTimer: unknown = null;
	private lastFrameWall = -Infinity;
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
	private results: ResultView[] = [];

	constructor(private env: HostEnv) {}

	/** Handles one raw message from the page. Never throws. */
	receive(data: unknown): void {
		const parsed = parseRequest(data);
		if (!parsed.ok) {
			this.env.post(parsed.error);
			return;
		}
		const { request } = parsed;
		let reply: OkResponse | ErrorResponse;
		try {
			reply = this.handle(request);
		} catch (e) {
			// A fault inside the core must not take the running simulation down with it.
			reply = {
				id: request.id,
				type: 'error',
				field: null,
				message: `the simulator failed on this ${request.type} request: ${e instanceof Error ? e.message : String(e)}`
			};
		}
		// When the frame budget allows, the frame goes first, so that the page sees the effect of a
		// request no later than its answer; otherwise the pending frame follows within FRAME_MS.
		if (reply.type === 'ok' && this.env.now() - this.lastFrameWall >= FRAME_MS) this.flush();
		this.env.post(reply);
	}

	/** Stops timers (the worker is being terminated, or a test is over). */
	dispose(): void {
		this.stopTicking();
		if (this.frameTimer !== null) this.env.clearTimer(this.frameTimer);
		this.frameTimer = null;
	}

	private error(id: number, field: string | null, message: string): ErrorResponse {
		return { id, type: 'error', field, message };
	}

	private handle(r: SimRequest): OkResponse | ErrorResponse {
		if (r.type === 'load') return this.load(r.id, r.scenario, r.seed);
		if (r.type === 'speed') {
			this.advance();
			this.speed = r.speed;
			this.markDirty();
			return { id: r.id, type: 'ok', of: 'speed', speed: r.speed };
		}
		const loaded = this.loaded;
		if (!loaded) return this.error(r.id, null, `no scenario is loaded: send a load request first`);
		const sim = loaded.sim;
		switch (r.type) {
			case 'play':
				if (!this.playing) {
					this.playing = true;
					this.lastWall = this.env.now();
					this.scheduleTick();
				}
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'play' };
			case 'pause':
				this.advance();
				this.playing = false;
				this.stopTicking();
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'pause' };
			case 'step': {
				// Stepping is a paused activity: the next event, then stand still.
				this.playing = false;
				this.stopTicking();
				this.carry = 0;
				const stepped = sim.step();
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'step', stepped, now: sim.now };
			}
			case 'runFor':
				this.advance();
				sim.runUntil(sim.now + r.ms);
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'runFor', now: sim.now };
			case 'watch': {
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
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'watch', relocation: id };
			}
			case 'apply': {
				this.advance();
				const result = sim.apply(r.input);
				this.results.push({ request: r.id, t: sim.now, input: r.input, ...result });
				if (this.results.length > RESULTS_TAIL) this.results.shift();
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'apply', result };
			}
		}
	}

	private load(id: number, scenario: string, seed: number | undefined): OkResponse | ErrorResponse {
		if (!BUILTIN_IDS.includes(scenario)) {
			return this.error(
				id,
				'scenario',
				`no built-in scenario "${scenario}" (built-in: ${BUILTIN_IDS.join(', ')})`
			);
		}
		const spec = loadBuiltin(scenario);
		if (!spec.ok) {
			return this.error(
				id,
				'scenario',
				`built-in scenario "${scenario}" is invalid: ${spec.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`
			);
		}
		const sim = new Simulation(buildInitialState(spec.value, seed));
		this.loaded = { sim, title: spec.value.title, source: spec.value.source };
		this.generation++;
		this.results = [];
		this.carry = 0;
		this.lastWall = this.env.now();
		this.lastKey = '';
		this.lastTailKey = '';
		this.tailSent = undefined;
		this.lastImageKey = '';
		this.lastImageWall = -Infinity;
		this.watch = null;
		this.markDirty();
		return { id, type: 'ok', of: 'load', scenario, title: spec.value.title, seed: sim.state.seed };
	}

	/** Runs simulated time up to the wall clock (while playing). */
	private advance(): void {
		const wall = this.env.now();
		const sim = this.loaded?.sim;
		if (this.playing && sim) {
			const gap = Math.min(Math.max(0, wall - this.lastWall), MAX_TICK_GAP_MS);
			this.carry += gap * this.speed;
			const whole = Math.floor(this.carry);
			this.carry -= whole;
			if (whole > 0) sim.runUntil(sim.now + whole);
		}
		this.lastWall = wall;
	}

	private scheduleTick(): void {
		if (this.tickTimer !== null) return;
		this.tickTimer = this.env.setTimer(() => {
			this.tickTimer = null;
			if (!this.playing) return;
			try {
				this.advance();
			} catch (e) {
				this.playing = false;
				this.env.post({
					id: null,
					type: 'error',
					field: null,
					message: `playback stopped: the simulator failed: ${e instanceof Error ? e.message : String(e)}`
				});
			}
			this.markDirty();
			if (this.playing) this.scheduleTick();
		}, FRAME_MS);
	}

	private stopTicking(): void {
		if (this.tickTimer !== null) this.env.clearTimer(this.tickTimer);
		this.tickTimer = null;
	}

	/** Asks for a frame, no sooner than {@link FRAME_MS} after the previous one nor than `notBefore`. */
	private markDirty(notBefore = -Infinity): void {
		if (this.frameTimer !== null) return;
		const now = this.env.now();
		const wait = Math.max(0, this.lastFrameWall + FRAME_MS - now, notBefore - now);
		this.frameTimer = this.env.setTimer(() => {
			this.frameTimer = null;
			this.flush();
		}, wait);
	}

	/** Sends a frame now if anything the page shows has changed since the last one. */
	private flush(): void {
		if (this.frameTimer !== null) {
			this.env.clearTimer(this.frameTimer);
			this.frameTimer = null;
		}
		const loaded = this.loaded;
		if (!loaded) return;
		const s = loaded.sim.state;
		const tailKey = `${this.generation}:${s.console.length}:${s.log.length}:${this.results.length}:${this.results.at(-1)?.request ?? -1}`;
		const watched = watchedRelocation(s, this.watch);
		// The key of the watched map's present state: '' when no memory is moving (nothing to send).
		const imageKey = pageMapKey(s, watched);
		if (imageKey === '') this.lastImageKey = '';
		const wall = this.env.now();
		const imageChanged = imageKey !== this.lastImageKey;
		const imageAt = this.lastImageWall + PAGE_MAP_MS;
		const imageDue = imageChanged && wall >= imageAt;
		const key = `${tailKey}:${s.now}:${this.playing}:${this.speed}:${s.queue.length}:${s.seq}:${this.watch}`;
		if (key === this.lastKey && !imageDue) {
			// Only the image is new, and too soon: it goes with a later frame.
			if (imageChanged) this.markDirty(imageAt);
			return;
		}
		const built =
			tailKey === this.lastTailKey ? null : buildTailFrom(loaded.sim, this.results, this.tailSent);
		const tail = built?.tail ?? null;
		const view = buildView(
			loaded.sim,
			{
				frame: ++this.frame,
				generation: this.generation,
				title: loaded.title,
				source: loaded.source,
				playing: this.playing,
				speed: this.speed,
				watch: this.watch
			},
			tail
		);
		if (built) this.tailSent = built.mark;
		if (built && !built.complete) {
			// A burst of console output too large for one frame: the rest goes in the next ones.
			this.lastKey = '';
			this.lastTailKey = '';
			this.markDirty();
		} else {
			this.lastKey = key;
			this.lastTailKey = tailKey;
		}
		this.lastFrameWall = wall;
		let pageMap = imageDue ? pageMapFrame(s, watched) : null;
		// A frame whose tail is unusually long leaves the image to the next frame, within budget.
		if (pageMap && tail && frameBytes(view, pageMap) > FRAME_BUDGET_BYTES) pageMap = null;
		if (pageMap) {
			this.lastImageKey = imageKey;
			this.lastImageWall = wall;
		} else if (imageChanged) this.markDirty(imageAt);
		if (pageMap) this.env.post({ type: 'frame', view, pageMap }, [pageMap.buffer]);
		else this.env.post({ type: 'frame', view });
	}
}
