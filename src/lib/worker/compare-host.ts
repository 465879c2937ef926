/**
 * The compare worker's controller: owns one {@link CompareRun}, answers requests, advances the
 * shared simulated clock against the wall clock while playing (one advance drives both sides)
 * and pushes a frame when something the page shows has changed, about 30 a second at most. The
 * wall clock, timers and `postMessage` are injected, so the same code runs in the worker and in
 * Node tests (as sim-host.ts does for the lab).
 */
import { CompareRun } from '../core/compare/compare';
import type { CompareSettings } from '../core/compare/settings';
import {
	parseCompareRequest,
	type CompareError,
	type CompareOk,
	type CompareRequest,
	type CompareWorkerMessage
} from './compare-protocol';
import { compareView } from './compare-view';

/** Wall-clock interval between playback ticks and the shortest gap between frames (~30/s). */
export const COMPARE_FRAME_MS = 33;
/** Longest wall-clock gap one tick turns into simulated time (a throttled tab resumes calmly). */
export const COMPARE_MAX_GAP_MS = 250;
/** Wall-clock budget of one tick while running to the end: the worker stays responsive. */
export const FINISH_BUDGET_MS = 25;
/** Simulated time per step while running to the end. */
export const FINISH_STEP_MS = 250;

export interface CompareHostEnv {
	post(message: CompareWorkerMessage): void;
	/** Wall-clock ms (performance.now in the worker). */
	now(): number;
	setTimer(fn: () => void, ms: number): unknown;
	clearTimer(handle: unknown): void;
}

export class CompareHost {
	private run: CompareRun | null = null;
	private generation = 0;
	private frame = 0;
	private playing = false;
	private finishing = false;
	private speed = 1;
	/** Fraction of a simulated millisecond not yet run (the clock moves in whole ms). */
	private carry = 0;
	private lastWall = 0;
	private tickTimer: unknown = null;
	private frameTimer: unknown = null;
	private lastFrameWall = -Infinity;
	private lastKey = '';

	constructor(private env: CompareHostEnv) {}

	/** Handles one raw message from the page. Never throws. */
	receive(data: unknown): void {
		const parsed = parseCompareRequest(data);
		if (!parsed.ok) {
			this.env.post(parsed.error);
			return;
		}
		const r = parsed.request;
		let reply: CompareOk | CompareError;
		try {
			reply = this.handle(r);
		} catch (e) {
			// A fault in the core must not take the page's comparison down with it.
			this.stop();
			reply = {
				id: r.id,
				type: 'error',
				field: null,
				message: `the comparison failed on this ${r.type} request: ${e instanceof Error ? e.message : String(e)}`
			};
		}
		// The frame goes first when it may, so the page sees the effect no later than the answer.
		if (reply.type === 'ok' && this.env.now() - this.lastFrameWall >= COMPARE_FRAME_MS)
			this.flush();
		this.env.post(reply);
	}

	/** Stops timers (the worker is being terminated, or a test is over). */
	dispose(): void {
		this.stop();
		if (this.frameTimer !== null) this.env.clearTimer(this.frameTimer);
		this.frameTimer = null;
		this.run?.dispose();
		this.run = null;
	}

	private handle(r: CompareRequest): CompareOk | CompareError {
		if (r.type === 'load') return this.load(r.id, r.settings, r.play === true);
		if (r.type === 'speed') {
			this.advance();
			this.speed = r.speed;
			this.markDirty();
			return { id: r.id, type: 'ok', of: 'speed', speed: r.speed };
		}
		const run = this.run;
		if (!run)
			return {
				id: r.id,
				type: 'error',
				field: null,
				message: 'no comparison is loaded: send a load request first'
			};
		switch (r.type) {
			case 'play':
				this.finishing = false;
				if (!run.done) this.start();
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'play' };
			case 'pause':
				this.advance();
				this.stop();
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'pause' };
			case 'reset':
				this.stop();
				this.replace(new CompareRun(run.settings));
				return { id: r.id, type: 'ok', of: 'reset' };
			case 'finish':
				this.advance();
				if (!run.done) {
					this.finishing = true;
					this.start();
				}
				this.markDirty();
				return { id: r.id, type: 'ok', of: 'finish' };
		}
	}

	private load(id: number, settings: CompareSettings, play: boolean): CompareOk {
		// Built before the old one goes: a fault building it leaves the running comparison alone.
		const next = new CompareRun(settings);
		this.stop();
		this.replace(next);
		if (play) this.start();
		return { id, type: 'ok', of: 'load', settings };
	}

	private replace(next: CompareRun): void {
		this.run?.dispose();
		this.run = next;
		// Frames of the run before (another comparison, or this one before a reset) are stale.
		this.generation++;
		this.carry = 0;
		this.lastKey = '';
		this.markDirty();
	}

	private start(): void {
		this.playing = true;
		this.lastWall = this.env.now();
		this.scheduleTick();
	}

	private stop(): void {
		this.playing = false;
		this.finishing = false;
		this.carry = 0;
		if (this.tickTimer !== null) this.env.clearTimer(this.tickTimer);
		this.tickTimer = null;
	}

	/** Runs the shared clock up to the wall clock (while playing), or a budget's worth to the end. */
	private advance(): void {
		const wall = this.env.now();
		const run = this.run;
		if (this.playing && run) {
			if (this.finishing) {
				const until = wall + FINISH_BUDGET_MS;
				while (!run.done && this.env.now() < until) run.advanceTo(run.nowMs + FINISH_STEP_MS);
			} else {
				const gap = Math.min(Math.max(0, wall - this.lastWall), COMPARE_MAX_GAP_MS);
				this.carry += gap * this.speed;
				const whole = Math.floor(this.carry);
				this.carry -= whole;
				if (whole > 0) run.advanceTo(run.nowMs + whole);
			}
			if (run.done) this.stop();
		}
		this.lastWall = wall;
	}

	private scheduleTick(): void {
		if (this.tickTimer !== null) return;
		this.tickTimer = this.env.setTimer(
			() => {
				this.tickTimer = null;
				if (!this.playing) return;
				try {
					this.advance();
				} catch (e) {
					this.stop();
					this.env.post({
						id: null,
						type: 'error',
						field: null,
						message: `the comparison stopped: ${e instanceof Error ? e.message : String(e)}`
					});
				}
				this.markDirty();
				if (this.playing) this.scheduleTick();
			},
			this.finishing ? 0 : COMPARE_FRAME_MS
		);
	}

	private markDirty(): void {
		if (this.frameTimer !== null) return;
		const wait = Math.max(0, this.lastFrameWall + COMPARE_FRAME_MS - this.env.now());
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
		const run = this.run;
		if (!run) return;
		const key = `${this.generation}:${run.nowMs}:${run.done}:${this.playing}:${this.finishing}:${this.speed}`;
		if (key === this.lastKey) return;
		this.lastKey = key;
		this.lastFrameWall = this.env.now();
		const view = compareView(run, {
			frame: ++this.frame,
			generation: this.generation,
			playing: this.playing,
			finishing: this.finishing,
			speed: this.speed
		});
		this.env.post({ type: 'frame', view });
	}
}
