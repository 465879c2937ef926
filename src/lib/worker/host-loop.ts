/**
 * The machinery of a worker's controller that does not depend on what it simulates, shared by
 * sim-host.ts (the lab) and compare-host.ts: answering a request, a playback clock that turns
 * wall-clock time into whole simulated milliseconds, and a gate that spaces frames out. The
 * wall clock and timers are injected, so the hosts run the same in the worker and in Node tests.
 */
import { errorText, type ErrorMessage, type Numbered, type ParsedRequest } from './messages';

/** Wall-clock interval between playback ticks, and the shortest gap between frames (~30/s). */
export const FRAME_MS = 33;
/**
 * Longest wall-clock gap one tick may turn into simulated time. A throttled background tab
 * resumes where it paused instead of leaping ahead by minutes of simulated time.
 */
export const MAX_TICK_GAP_MS = 250;

/** The wall clock and timers a host is given (the worker's, or a test's). */
export interface HostTimers {
	/** Wall-clock milliseconds (performance.now in the worker). */
	now(): number;
	setTimer(fn: () => void, ms: number): unknown;
	clearTimer(handle: unknown): void;
}

/**
 * What answers one raw message: the parser's error when it is malformed, else what `handle`
 * returns. A throw from `handle` (a fault in the core) becomes an error answer whose message
 * `failure` words from the request and the thrown message, so the worker never throws.
 */
export function answer<R extends Numbered, A>(
	data: unknown,
	parse: (data: unknown) => ParsedRequest<R>,
	handle: (request: R) => A | ErrorMessage,
	failure: (request: R, thrown: string) => string
): A | ErrorMessage {
	const parsed = parse(data);
	if (!parsed.ok) return parsed.error;
	const { request } = parsed;
	try {
		return handle(request);
	} catch (e) {
		return { id: request.id, type: 'error', field: null, message: failure(request, errorText(e)) };
	}
}

/**
 * Playback against the wall clock: whether it plays, at what speed, and the fraction of a
 * simulated millisecond not yet run (simulated time moves in whole ms). A gap longer than
 * `maxGapMs` between two readings counts as `maxGapMs`, so a throttled background tab resumes
 * where it paused instead of leaping ahead. Also holds the pending playback tick.
 */
export class PlayClock {
	playing = false;
	/** Simulated ms per wall-clock ms. */
	speed = 1;
	private carry = 0;
	private lastWall = 0;
	private tickTimer: unknown = null;

	constructor(
		private readonly env: HostTimers,
		private readonly maxGapMs: number
	) {}

	/** Plays from the wall clock's present (the tick is the caller's to schedule). */
	start(): void {
		this.playing = true;
		this.lastWall = this.env.now();
	}

	/** Stops playing: the pending tick is dropped, and the fraction carried. */
	stop(): void {
		this.playing = false;
		this.cancelTick();
		this.carry = 0;
	}

	/** Drops the fraction carried (the time shown jumped). */
	dropCarry(): void {
		this.carry = 0;
	}

	/** Starts counting afresh from the wall clock's present (a new run was loaded). */
	rebase(): void {
		this.carry = 0;
		this.lastWall = this.env.now();
	}

	/** Marks the wall clock's present as read without running any time; returns it. */
	mark(): number {
		this.lastWall = this.env.now();
		return this.lastWall;
	}

	/**
	 * The whole simulated ms the wall clock has run through since the last reading at the
	 * present speed (0 when paused); the fraction left over carries to the next reading.
	 */
	read(): number {
		const wall = this.env.now();
		let whole = 0;
		if (this.playing) {
			const gap = Math.min(Math.max(0, wall - this.lastWall), this.maxGapMs);
			this.carry += gap * this.speed;
			whole = Math.floor(this.carry);
			this.carry -= whole;
		}
		this.lastWall = wall;
		return whole;
	}

	/**
	 * Calls `tick` after `ms` while still playing (no-op when a tick is already pending). The
	 * tick schedules the next one itself.
	 */
	scheduleTick(ms: number, tick: () => void): void {
		if (this.tickTimer !== null) return;
		this.tickTimer = this.env.setTimer(() => {
			this.tickTimer = null;
			if (this.playing) tick();
		}, ms);
	}

	/** Drops the pending tick, if any. */
	cancelTick(): void {
		if (this.tickTimer !== null) this.env.clearTimer(this.tickTimer);
		this.tickTimer = null;
	}
}

/**
 * Spaces frames at least `gapMs` apart: {@link request} asks for one (sent by `send` when the
 * gap allows), {@link open} says whether one may go at once, and the host reports each frame it
 * sends with {@link sent}.
 */
export class FrameGate {
	private timer: unknown = null;
	private lastWall = -Infinity;

	constructor(
		private readonly env: HostTimers,
		private readonly gapMs: number,
		private readonly send: () => void
	) {}

	/** A frame may go now: the last one went at least `gapMs` ago. */
	open(): boolean {
		return this.env.now() - this.lastWall >= this.gapMs;
	}

	/**
	 * Asks for a frame, no sooner than `gapMs` after the previous one nor than `notBefore`
	 * (no-op while one is pending).
	 */
	request(notBefore = -Infinity): void {
		if (this.timer !== null) return;
		const now = this.env.now();
		const wait = Math.max(0, this.lastWall + this.gapMs - now, notBefore - now);
		this.timer = this.env.setTimer(() => {
			this.timer = null;
			this.send();
		}, wait);
	}

	/** Drops the pending request (a frame is being sent now, or the host is going away). */
	cancel(): void {
		if (this.timer !== null) this.env.clearTimer(this.timer);
		this.timer = null;
	}

	/** Notes that a frame went at wall-clock time `wall`. */
	sent(wall: number): void {
		this.lastWall = wall;
	}
}
