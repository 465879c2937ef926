/**
 * Stop-and-copy policies: after each pre-copy pass a policy decides whether to run another
 * pass, to quiesce (stop the guest and send the rest), or to give up. One interface serves every
 * technology in Quiesce, so the unit is generic: 4 KiB pages for z/VM LGR, QEMU, Xen and BS2000
 * Live Migration, disk tracks for FDRPASVM (002: copy all tracks, recopy the changed ones, swap
 * when in sync). Policies are stateless: everything they need is in {@link PassStats}.
 */

/** What is being copied. */
export type TransferUnit = 'page' | 'track';

/** What a policy sees after a pre-copy pass. */
export interface PassStats {
	readonly unit: TransferUnit;
	/** Units sent by each completed pre-copy pass, in order (pass 1 first). */
	readonly passes: readonly number[];
	/** Duration of each completed pre-copy pass, ms. */
	readonly passMs: readonly number[];
	/** Units changed since the last pass began: exactly what the next pass would send. */
	readonly pending: number;
	/** Size of the whole object: guest pages (resident or not) or volume tracks. */
	readonly totalUnits: number;
	/** Units sent so far, all passes. */
	readonly sentUnits: number;
	/** Simulated ms since the transfer started. */
	readonly elapsedMs: number;
	/**
	 * Transfer rate measured over the last pass, units/ms; when that pass was empty, the rate
	 * over all passes, and before any measurement the link's current rate.
	 */
	readonly measuredUnitsPerMs: number;
}

export type Action = 'continue' | 'quiesce' | 'give-up';

/** A decision and the reason for it, in words a learner can read in the event log. */
export interface Decision {
	readonly action: Action;
	readonly reason: string;
}

export interface TransferPolicy {
	/** Short name for the UI and reports: `z/VM`, `QEMU`, `Xen`. */
	readonly name: string;
	/**
	 * Passes made while the guest is quiesced: 2 for z/VM (the 6.2 performance report: quiesce
	 * covers "the final two passes through storage"), 1 for a single stop-and-copy round.
	 */
	readonly quiescedPasses: 1 | 2;
	/** A cap on the transfer's rate, MB/s, below the link's (QEMU's max-bandwidth). */
	readonly rateCapMBps?: number;
	/** Called after each pre-copy pass. */
	decide(stats: PassStats): Decision;
}

/** Estimated ms to send `units` at the measured rate (Infinity when nothing can move). */
export function estimateMs(stats: PassStats, units: number): number {
	if (units === 0) return 0;
	return stats.measuredUnitsPerMs > 0 ? units / stats.measuredUnitsPerMs : Infinity;
}

/** A number for a reason line: integers as they are, others to 3 significant digits. */
export function fmt(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
}
