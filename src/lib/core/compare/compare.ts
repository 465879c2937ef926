/**
 * A comparison: the same relocation under settings A and B, both MOVEs issued at time 0 and run
 * on one simulated clock. Advancing the clock advances both sides to the same time; each side
 * moves only at its own ticks (side.ts), so the figures depend on the settings and the seed
 * alone, never on how the clock was advanced (by frames at any speed, or to the end at once).
 */
import { differences, type Differences } from './differences';
import { SIDES, type CompareSettings, type SideKey } from './settings';
import { SideRun, type SideParams, SIDE_PARAMS } from './side';

/**
 * How long a comparison may run: one simulated hour. A side still moving memory then is
 * reported as unfinished: a QEMU-style pre-copy has no cap on its rounds, so a guest that
 * dirties memory faster than the link carries never completes without a MAXTOTAL.
 */
export const COMPARE_HORIZON_MS = 3_600_000;

export class CompareRun {
	readonly settings: CompareSettings;
	readonly horizonMs: number;
	readonly sides: Record<SideKey, SideRun>;
	private clock = 0;

	constructor(
		settings: CompareSettings,
		options: { horizonMs?: number; params?: SideParams } = {}
	) {
		this.settings = settings;
		this.horizonMs = options.horizonMs ?? COMPARE_HORIZON_MS;
		const params = options.params ?? SIDE_PARAMS;
		// Both guests get the same seed: the same layout and the same writes, so that only the
		// settings differ between the sides.
		this.sides = {
			a: new SideRun(settings.a, settings.seed, params),
			b: new SideRun(settings.b, settings.seed, params)
		};
	}

	/** The shared clock: simulated ms since both MOVEs. */
	get nowMs(): number {
		return this.clock;
	}

	/** True once both sides have ended, or the clock reached the horizon. */
	get done(): boolean {
		return (this.sides.a.ended && this.sides.b.ended) || this.clock >= this.horizonMs;
	}

	/**
	 * Advances the shared clock to `t` (not past the horizon), running both sides to it. Once
	 * both have ended the clock stops at the later end, so it shows when the comparison ended.
	 */
	advanceTo(t: number): number {
		if (this.done || !(t > this.clock)) return this.clock;
		const to = Math.min(t, this.horizonMs);
		for (const k of SIDES) this.sides[k].advanceTo(to);
		const { a, b } = this.sides;
		this.clock =
			a.ended && b.ended
				? Math.max(this.clock, a.endedAtMs!, b.endedAtMs!)
				: Math.max(this.clock, to);
		return this.clock;
	}

	/** Runs to the end: both sides ended, or the horizon. */
	runToEnd(): number {
		return this.advanceTo(this.horizonMs);
	}

	/** The differences B − A so far (final once {@link done}). */
	differences(): Differences {
		return differences(this.sides.a.status(), this.sides.b.status(), this.clock, this.done);
	}

	/** Releases both engines. */
	dispose(): void {
		for (const k of SIDES) this.sides[k].dispose();
	}
}
