import { runCommand } from './commands/interpreter';
import {
	applyFault,
	heartbeat,
	ipl,
	joinComplete,
	member,
	shutdown,
	shutdownComplete
} from './model/cluster-dynamics';
import { afterClusterChange, relocationTick } from './model/lgr/relocation';
import { setGuestWorkload, setLinkCtcs } from './model/live-changes';
import { guestShutdownComplete } from './commands/user-control';
import { nextEventTime, record, schedule, takeDue } from './sim/kernel';
import type { SimEvent, SimInput, TimedInput } from './sim/events';
import type { SimState } from './sim/state';

/** What applying an input produced: the console lines CP answered, or an error for bad input. */
export interface InputResult {
	ok: boolean;
	/** Lines written to the console (for a command), or the reason the input was refused. */
	lines: string[];
	rc: number;
}

/**
 * The simulation: a discrete-event loop over {@link SimState}. Deterministic: the same initial
 * state and the same timed inputs give the same event log, byte for byte. It never reads the
 * host clock; callers decide how fast simulated time advances.
 */
export class Simulation {
	constructor(public state: SimState) {
		// Snapshots from before relocations existed have none.
		state.relocations ??= [];
	}

	/**
	 * A deep, JSON-safe copy of the whole state. The memory-transfer engines of relocations in
	 * progress are not in it: {@link Simulation.restore} rebuilds each on first use by replaying
	 * it from its recorded start (model/lgr/relocation-engine.ts), so a restored simulation goes on
	 * exactly as the original would have.
	 */
	snapshot(): string {
		return JSON.stringify(this.state);
	}

	/** Rebuilds a simulation from {@link snapshot} output. */
	static restore(json: string): Simulation {
		return new Simulation(JSON.parse(json) as SimState);
	}

	get now(): number {
		return this.state.now;
	}

	/** Time of the next pending event, or null. */
	nextEventTime(): number | null {
		return nextEventTime(this.state);
	}

	/**
	 * Applies an input now, recording it for replay (a refused one too: replaying it refuses it
	 * again). A refusal is logged as `input.rejected` with its reason.
	 */
	apply(input: SimInput): InputResult {
		this.state.inputs.push({ at: this.state.now, input });
		const result = this.execute(input);
		if (!result.ok) this.rejected(input, result);
		afterClusterChange(this.state);
		return result;
	}

	private rejected(input: SimInput, result: InputResult): void {
		record(this.state, { kind: 'input.rejected', input, reason: result.lines.join(' ') });
	}

	/** Schedules an input at a later simulated time (scenario scripts). */
	scheduleInput(at: number, input: SimInput): void {
		schedule(this.state, at - this.state.now, { type: 'input', input });
	}

	/** Runs every event due up to and including `until`, then sets the clock to `until`. */
	runUntil(until: number): void {
		for (;;) {
			const event = takeDue(this.state, until);
			if (!event) break;
			this.dispatch(event);
			afterClusterChange(this.state);
		}
		if (until > this.state.now) this.state.now = until;
	}

	/** Runs the next pending event (and any others at the same instant). Returns false when none. */
	step(): boolean {
		const at = this.nextEventTime();
		if (at === null) return false;
		this.runUntil(at);
		return true;
	}

	private dispatch(event: SimEvent): void {
		const s = this.state;
		if (event.type === 'input') {
			// Script inputs are part of the initial queue, so they are not recorded for replay.
			const result = this.execute(event.input);
			if (!result.ok) this.rejected(event.input, result);
			return;
		}
		if (event.type === 'relocation.tick') return relocationTick(s, event.id);
		if (event.type === 'guest.shutdownComplete') return guestShutdownComplete(s, event);
		const m = member(s, event.member);
		if (!m) return;
		switch (event.type) {
			case 'member.heartbeat':
				return heartbeat(s, m, event.incarnation);
			case 'member.joinComplete':
				return joinComplete(s, m, event.incarnation);
			case 'member.shutdownComplete':
				return shutdownComplete(s, m, event.incarnation, event.reipl);
			case 'member.reipl':
				ipl(s, m);
				return;
		}
	}

	private execute(input: SimInput): InputResult {
		const s = this.state;
		switch (input.kind) {
			case 'command':
				return runCommand(s, input.on, input.user ?? 'OPERATOR', input.text);
			case 'fault': {
				const err = applyFault(s, input.fault);
				return err ? { ok: false, lines: [err], rc: 1 } : { ok: true, lines: [], rc: 0 };
			}
			case 'ipl':
			case 'shutdown': {
				const m = member(s, input.member);
				if (!m) return { ok: false, lines: [`no member named ${input.member}`], rc: 1 };
				const err = input.kind === 'ipl' ? ipl(s, m) : shutdown(s, m, input.reipl ?? false);
				return err ? { ok: false, lines: [err], rc: 1 } : { ok: true, lines: [], rc: 0 };
			}
			case 'guest.workload':
			case 'link.ctcs': {
				const err =
					input.kind === 'guest.workload' ? setGuestWorkload(s, input) : setLinkCtcs(s, input);
				return err ? { ok: false, lines: [err], rc: 1 } : { ok: true, lines: [], rc: 0 };
			}
		}
	}
}

/** Replays recorded inputs on a fresh state: the basis of step-back, scrub and shared links. */
export function replay(
	initial: SimState,
	inputs: readonly TimedInput[],
	until: number
): Simulation {
	const sim = new Simulation(JSON.parse(JSON.stringify(initial)) as SimState);
	for (const { at, input } of inputs) {
		sim.runUntil(at);
		sim.apply(input);
	}
	sim.runUntil(until);
	return sim;
}

export { record };
