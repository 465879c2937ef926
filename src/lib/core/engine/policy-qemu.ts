import { fmt, type Decision, type PassStats, type TransferPolicy } from './transfer-policy';

/** QEMU's default downtime limit, 300 ms (migration/options.c, MODEL-NOTES). */
export const QEMU_DOWNTIME_LIMIT_MS = 300;
/** QEMU's default max-bandwidth, 128 MiB/s (MAX_THROTTLE), in MB/s. */
export const QEMU_MAX_BANDWIDTH_MBPS = (128 * 2 ** 20) / 1_000_000;

export interface QemuPolicyOptions {
	/** downtime-limit, ms. Default 300. */
	readonly downtimeLimitMs?: number;
	/** max-bandwidth, MB/s; Infinity to use the whole link share. Default 128 MiB/s. */
	readonly maxBandwidthMBps?: number;
}

/**
 * QEMU-style pre-copy (MODEL-NOTES; migration.c, ram.c): the threshold is the measured bandwidth
 * × the downtime limit, and the migration completes with one stop-and-copy round when the
 * pending dirty data falls to it. There is no iteration cap, so a guest that dirties faster than
 * the link carries never completes (auto-converge, which throttles the guest, is not modelled).
 * QEMU measures every 100 ms and may stop mid-round; this engine asks at the end of each pass,
 * where QEMU also re-syncs its dirty bitmap.
 */
export function qemuPolicy(options: QemuPolicyOptions = {}): TransferPolicy {
	const limit = options.downtimeLimitMs ?? QEMU_DOWNTIME_LIMIT_MS;
	const cap = options.maxBandwidthMBps ?? QEMU_MAX_BANDWIDTH_MBPS;
	return {
		name: 'QEMU',
		quiescedPasses: 1,
		...(Number.isFinite(cap) ? { rateCapMBps: cap } : {}),
		decide(stats: PassStats): Decision {
			const threshold = stats.measuredUnitsPerMs * limit;
			const u = `${stats.unit}s`;
			if (stats.pending <= threshold) {
				return {
					action: 'quiesce',
					reason: `${stats.pending} ${u} pending ≤ ${fmt(threshold)} (bandwidth × ${limit} ms downtime limit)`
				};
			}
			return {
				action: 'continue',
				reason: `${stats.pending} ${u} pending > ${fmt(threshold)} (bandwidth × ${limit} ms downtime limit)`
			};
		}
	};
}
