import type { Decision, PassStats, TransferPolicy } from './transfer-policy';

export interface XenPolicyOptions {
	/**
	 * `legacy`: libxc's xc_domain_save (29 iterations then a final 30th round, 3× memory sent,
	 * a round under 50 pages, or a round bigger than the last at full rate). `current`:
	 * libxl / xg_sr_save.c (at most 5 iterations, 50 dirty pages). Default `legacy`.
	 */
	readonly variant?: 'legacy' | 'current';
}

/** libxc's DEF_MAX_ITERS (29) and DEF_MAX_FACTOR (3), and the 50-page threshold (MODEL-NOTES). */
export const XEN_LEGACY = { maxIterations: 29, maxFactor: 3, dirtyThreshold: 50 } as const;
/** xg_sr_save.c: max_iterations 5, dirty_threshold 50 (MODEL-NOTES). */
export const XEN_CURRENT = { maxIterations: 5, dirtyThreshold: 50 } as const;

/**
 * Xen-style pre-copy with its fixed caps (MODEL-NOTES). It never gives up: every cap leads to
 * the final stop-and-copy round, however much is left. Transfers here always run at the full
 * link share, so legacy's "more than the last round at maximum rate" is "more than the last".
 */
export function xenPolicy(options: XenPolicyOptions = {}): TransferPolicy {
	const legacy = (options.variant ?? 'legacy') === 'legacy';
	return {
		name: legacy ? 'Xen (libxc)' : 'Xen (libxl)',
		quiescedPasses: 1,
		decide(stats: PassStats): Decision {
			const n = stats.passes.length;
			const u = `${stats.unit}s`;
			const quiesce = (reason: string): Decision => ({ action: 'quiesce', reason });
			if (legacy) {
				const last = stats.passes[n - 1]!;
				const before = n >= 2 ? stats.passes[n - 2]! : stats.totalUnits;
				if (n >= XEN_LEGACY.maxIterations)
					return quiesce(`${n} iterations made: the final round is the 30th`);
				if (stats.sentUnits > XEN_LEGACY.maxFactor * stats.totalUnits)
					return quiesce(`${stats.sentUnits} ${u} sent, more than 3× memory`);
				if (last < XEN_LEGACY.dirtyThreshold)
					return quiesce(`round ${n} sent ${last} ${u}, under ${XEN_LEGACY.dirtyThreshold}`);
				if (last > before)
					return quiesce(`round ${n} sent more than round ${n - 1} at the maximum rate`);
				return { action: 'continue', reason: `round ${n} sent ${last} ${u}` };
			}
			if (stats.pending <= XEN_CURRENT.dirtyThreshold)
				return quiesce(`${stats.pending} dirty ${u}, at most ${XEN_CURRENT.dirtyThreshold}`);
			if (n >= XEN_CURRENT.maxIterations) return quiesce(`${n} iterations made, the most allowed`);
			return { action: 'continue', reason: `${stats.pending} dirty ${u} after iteration ${n}` };
		}
	};
}
