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
import {
	answer,
	FRAME_MS,
	FrameGate,
	MAX_TICK_GAP_MS,
	PlayClock,
	type HostTimers
} from './host-loop';
import { errorText } from './messages';

/** Wall-clock budget of one tick while running to the end: the worker stays responsive. */
export const FINISH_BUDGET_MS = 25;
/** Simulated time per step while running to the end. */
export const FINISH_STEP_MS = 250;

export interface CompareHostEnv extends HostTimers {
	post(message: CompareWorkerMessage): void;
}

export class CompareHost {
	private run: CompareRun | null = null;
	private generation = 0;
	private frame = 0;
	private finishing = false;
	private readonly clock: PlayClock;
	private readonly frames: FrameGate;
	private lastKey = '';

	constructor(private env: CompareHostEnv) {
		this.clock = new PlayClock(env, MAX_TICK_GAP_MS);
		this.frames = new FrameGate(env, FRAME_MS, () => this.flush());
	}

	/** Handles one raw message from the page. Never throws. */
	receive(data: unknown): void {
		const reply = answer(
			data,
			parseCompareRequest,
			(r) => this.handle(r),
			(r, thrown) => {
				// A fault in the core must not take the page's comparison down with it.
				this.stop();
				return `the comparison failed on this ${r.type} request: ${thrown}`;
			}
		);
		// The frame goes first when it may, so the page sees the effect no later than the answer.
		if (reply.type === 'ok' && this.frames.open()) this.flush();
		this.env.post(reply);
	}

	/** Stops timers (the worker is being terminated, or a test is over). */
	dispose(): void {
		this.stop();
		this.frames.cancel();
		this.run?.dispose();
		this.run = null;
	}

	private handle(r: CompareRequest): CompareOk | CompareError {
		if (r.type === 'load') return this.load(r.id, r.settings, r.play === true);
		if (r.type === 'speed') {
			this.advance();
			this.clock.speed = r.speed;
			this.frames.request();
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
				this.frames.request();
				return { id: r.id, type: 'ok', of: 'play' };
			case 'pause':
				this.advance();
				this.stop();
				this.frames.request();
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
				this.frames.request();
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
		this.lastKey = '';
		this.frames.request();
	}

	private start(): void {
		this.clock.start();
		this.scheduleTick();
	}

	private stop(): void {
		this.clock.stop();
		this.finishing = false;
	}

	/** Runs the shared clock up to the wall clock (while playing), or a budget's worth to the end. */
	private advance(): void {
		const run = this.run;
		if (this.finishing && this.clock.playing && run) {
			const until = this.clock.mark() + FINISH_BUDGET_MS;
			while (!run.done && this.env.now() < until) run.advanceTo(run.nowMs + FINISH_STEP_MS);
		} else {
			const whole = this.clock.read();
			if (whole > 0 && run) run.advanceTo(run.nowMs + whole);
		}
		if (this.clock.playing && run?.done) this.stop();
	}

	private scheduleTick(): void {
		this.clock.scheduleTick(this.finishing ? 0 : FRAME_MS, () => {
			try {
				this.advance();
			} catch (e) {
				this.stop();
				this.env.post({
					id: null,
					type: 'error',
					field: null,
					message: `the comparison stopped: ${errorText(e)}`
				});
			}
			this.frames.request();
			if (this.clock.playing) this.scheduleTick();
		});
	}

	/** Sends a frame now if anything the page shows has changed since the last one. */
	private flush(): void {
		this.frames.cancel();
		const run = this.run;
		if (!run) return;
		const { playing, speed } = this.clock;
		const key = `${this.generation}:${run.nowMs}:${run.done}:${playing}:${this.finishing}:${speed}`;
		if (key === this.lastKey) return;
		this.lastKey = key;
		this.frames.sent(this.env.now());
		const view = compareView(run, {
			frame: ++this.frame,
			generation: this.generation,
			playing,
			finishing: this.finishing,
			speed
		});
		this.env.post({ type: 'frame', view });
	}
}
