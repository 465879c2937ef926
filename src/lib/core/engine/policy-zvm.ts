import {
	estimateMs,
	fmt,
	type Decision,
	type PassStats,
	type TransferPolicy
} from './transfer-policy';

/** z/VM's default MAXQUIESCE, 10 s (000 §3.6.1). */
export const DEFAULT_MAX_QUIESCE_MS = 10_000;

/**
 * Parameters of the z/VM policy. IBM does not publish the rule CP uses ("an internal algorithm
 * determines that the guest needs to be quiesced", 000 §3.2), so these are the model's choices.
 */
export interface ZvmPolicyOptions {
	/** VMRELOCATE IMMEDIATE: one pass through memory, then quiesce (000 §3.6.1). */
	readonly immediate?: boolean;
	/** MAXQUIESCE in ms; Infinity for NOLIMIT. Default 10 s. */
	readonly maxQuiesceMs?: number;
	/** Quiesce target: quiesce once the rest can move in this long. Default 250 ms. */
	readonly targetQuiesceMs?: number;
	/** A pass "shrinks" when it is below this fraction of every earlier pass. Default 0.9. */
	readonly shrinkRatio?: number;
	/** Consecutive non-shrinking passes that end pre-copy. Default 2. */
	readonly stallPasses?: number;
	/** Most pre-copy passes. Default 16. */
	readonly maxPasses?: number;
}

/** The z/VM policy's stall and cap rules when none are given (rules 3 and 4 below). */
export const ZVM_POLICY_DEFAULTS = { shrinkRatio: 0.9, stallPasses: 2, maxPasses: 16 } as const;

/**
 * The z/VM LGR policy, as modelled. After each pre-copy pass (in this order):
 * 1. **IMMEDIATE**: quiesce after the first pass (000 §3.6.1: "the quiesce to occur after only
 *    one pass through memory").
 * 2. **Fits**: quiesce when the pages left can move within the quiesce target at the rate
 *    measured over the last pass. The target is min(250 ms, MAXQUIESCE / 2): short enough that
 *    an application does not notice ("the user or the application does not notice this short
 *    interruption", 000 §3.1), and with room under MAXQUIESCE for the guest state and the
 *    final pass, because the quiesce covers the final *two* passes (z/VM 6.2 performance report,
 *    MODEL-NOTES).
 * 3. **Stalled**: quiesce when the dirty set has stopped shrinking: the last two pass sizes
 *    (counting the pending one) were each at least 90 % of the smallest before them. More passes
 *    would not help (the writable working set floor, Clark et al.); the quiesce then takes as
 *    long as it takes, and MAXQUIESCE cancels the relocation if that is too long (000 A.1.7).
 * 4. **Cap**: quiesce after 16 pre-copy passes, a safety net for slow but steady convergence.
 *
 * It never gives up by itself: MAXTOTAL, MAXQUIESCE and CANCEL stop a relocation from outside.
 */
export function zvmPolicy(options: ZvmPolicyOptions = {}): TransferPolicy {
	const target = zvmQuiesceTargetMs(options);
	const shrink = options.shrinkRatio ?? ZVM_POLICY_DEFAULTS.shrinkRatio;
	const stallPasses = options.stallPasses ?? ZVM_POLICY_DEFAULTS.stallPasses;
	const maxPasses = options.maxPasses ?? ZVM_POLICY_DEFAULTS.maxPasses;
	return {
		name: 'z/VM',
		quiescedPasses: 2,
		decide(stats: PassStats): Decision {
			const n = stats.passes.length;
			const u = `${stats.unit}s`;
			if (options.immediate) {
				return { action: 'quiesce', reason: `IMMEDIATE: quiesce after pass ${n}` };
			}
			const est = estimateMs(stats, stats.pending);
			if (est <= target) {
				return {
					action: 'quiesce',
					reason: `${stats.pending} ${u} left move in ${fmt(est)} ms, within the ${fmt(target)} ms quiesce target`
				};
			}
			if (stalled([...stats.passes, stats.pending], shrink, stallPasses)) {
				return {
					action: 'quiesce',
					reason: `the changed set stopped shrinking for ${stallPasses} passes (${stats.pending} ${u} left)`
				};
			}
			if (n >= maxPasses) {
				return { action: 'quiesce', reason: `${n} passes made, the most the policy allows` };
			}
			return {
				action: 'continue',
				reason: `${stats.pending} ${u} left need ${fmt(est)} ms, above the ${fmt(target)} ms quiesce target`
			};
		}
	};
}

/** The z/VM policy's quiesce target when none is given, ms. */
export const DEFAULT_TARGET_QUIESCE_MS = 250;

/**
 * The quiesce target the z/VM policy aims for (rule 2, "Fits"): min(target, MAXQUIESCE / 2),
 * 250 ms by default; 250 ms with MAXQUIESCE NOLIMIT (`maxQuiesceMs: Infinity`).
 */
export function zvmQuiesceTargetMs(
	options: Pick<ZvmPolicyOptions, 'maxQuiesceMs' | 'targetQuiesceMs'> = {}
): number {
	const maxQuiesce = options.maxQuiesceMs ?? DEFAULT_MAX_QUIESCE_MS;
	return Math.min(options.targetQuiesceMs ?? DEFAULT_TARGET_QUIESCE_MS, maxQuiesce / 2);
}

/**
 * The most pages the z/VM policy quiesces with under rule 2 ("Fits"): pending pages that move
 * within the quiesce target at `measuredPagesPerMs` (the rate measured over the last pre-copy
 * pass, {@link PassStats.measuredUnitsPerMs}). The policy quiesces after a pass when the pages
 * dirtied during it are at most this many (or when rule 1, 3 or 4 applies).
 */
export function zvmQuiesceThresholdPages(
	measuredPagesPerMs: number,
	options: Pick<ZvmPolicyOptions, 'maxQuiesceMs' | 'targetQuiesceMs'> = {}
): number {
	return zvmQuiesceTargetMs(options) * Math.max(0, measuredPagesPerMs);
}

/** Whether each of the last `k` sizes was at least `ratio` × the smallest size before it. */
export function stalled(sizes: readonly number[], ratio: number, k: number): boolean {
	if (sizes.length < k + 1) return false;
	for (let j = sizes.length - k; j < sizes.length; j++) {
		const before = Math.min(...sizes.slice(0, j));
		if (sizes[j]! < ratio * before) return false;
	}
	return true;
}
