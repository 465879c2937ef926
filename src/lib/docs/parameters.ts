/**
 * Every parameter of the model, for "How the model works" (`/docs/model`): its value, read from
 * the code's own constants (never retyped), and its source, as the README's tables give them
 * ("The model and its parameters", "Live guest relocation"). `tests/unit/docs/parameters.test.ts`
 * checks the values against the code and against those README rows.
 */
import { COMPARE_HORIZON_MS } from '../core/compare/compare';
import { pagesPerMs } from '../core/engine/bandwidth';
import { PAGE_BYTES } from '../core/engine/page-map';
import { QEMU_DOWNTIME_LIMIT_MS, QEMU_MAX_BANDWIDTH_MBPS } from '../core/engine/policy-qemu';
import { XEN_CURRENT, XEN_LEGACY } from '../core/engine/policy-xen';
import {
	DEFAULT_MAX_QUIESCE_MS,
	DEFAULT_TARGET_QUIESCE_MS,
	ZVM_POLICY_DEFAULTS,
	zvmPolicy
} from '../core/engine/policy-zvm';
import { WORKLOAD_NAMES, WORKLOAD_PRESETS } from '../core/engine/workload';
import { pgmbkBytes } from '../core/model/lgr/storage';
import { CHPID_MBPS, CTC_MBPS, MAX_CHPIDS, MAX_CTCS, writableCtcs } from '../core/model/link';
import { DEFAULT_PARAMS, type SimParams } from '../core/sim/state';

/** One parameter: what it is, its value in words and as the code holds it, and why. */
export interface ModelParameter {
	readonly name: string;
	/** The identifier in the code (`heartbeatMs`, `CTC_MBPS`), when it has one. */
	readonly code?: string;
	/** The value as the page prints it. */
	readonly value: string;
	/** The value as the code holds it (ms, MB/s, a count), for the tests. */
	readonly raw: number | string;
	/** Where it comes from: a document and section, or the model's reason for its choice. */
	readonly source: string;
	/** The first cell of the README row that gives it, when a README table does. */
	readonly readmeRow?: string;
}

export interface ParameterGroup {
	readonly id: string;
	readonly title: string;
	readonly parameters: readonly ModelParameter[];
}

/** A time in ms as the page prints it: `250 ms`, `2 s`, `1 h`. */
export function duration(ms: number): string {
	if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
	if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
	return `${ms} ms`;
}

/** A number with thousands separators, as the README prints them. */
const n = (x: number): string => x.toLocaleString('en-US');

const P: SimParams = DEFAULT_PARAMS;

/** A `SimParams` entry: the scenario's `params` key, its default and its source. */
function simParam(
	key: keyof SimParams,
	name: string,
	source: string,
	readmeRow?: string
): ModelParameter {
	const v = P[key];
	const value = key === 'shutdownSignalSeconds' ? `${v} s` : duration(v);
	return {
		name,
		code: `params.${key}`,
		value,
		raw: v,
		source,
		...(readmeRow ? { readmeRow } : {})
	};
}

const zvm = zvmPolicy();

export const PARAMETER_GROUPS: readonly ParameterGroup[] = [
	{
		id: 'params-ssi',
		title: 'SSI cluster timing',
		parameters: [
			simParam(
				'heartbeatMs',
				'Heartbeat interval (PDR write and ISFC heartbeat)',
				'Frequent enough to see the PDR time stamps tick, as 000 Example 2-5 shows members seconds apart.',
				'heartbeat interval (PDR write and ISFC heartbeat)'
			),
			simParam(
				'crossSystemTimeoutMs',
				'Cross-system timeout',
				`A failure is detected within seconds (${P.crossSystemTimeoutMs / P.heartbeatMs} heartbeats); long enough that one late heartbeat does not safe the cluster.`,
				'cross-system timeout'
			),
			simParam(
				'joinMs',
				'Join protocol (Joining)',
				'Long enough to see Influx mode.',
				'join protocol (Joining)'
			),
			simParam(
				'shutdownMs',
				'Shutdown (Leaving)',
				'The real figure depends on the guests’ signal handling; 000 Example 4-3 shows ITSOSSI4 Down 3 s after its SHUTDOWN.',
				'shutdown (Leaving)'
			),
			simParam(
				'reiplMs',
				'SHUTDOWN REIPL restart (Down to the new IPL)',
				'ITSOSSI1, restarted at 15:27:47 in 000 Example 4-3, is still Down at 15:28:13.',
				'SHUTDOWN REIPL restart'
			),
			simParam(
				'shutdownSignalSeconds',
				'HCPSHU960I “may be delayed for up to n seconds”',
				'Printed as CP does in 000 Example 4-3.'
			),
			simParam(
				'guestShutdownMs',
				'SIGNAL SHUTDOWN to the guest’s report',
				'Under the 19 s 000 Example A-14 allows between the signal and the next command.'
			)
		]
	},
	{
		id: 'params-isfc',
		title: 'ISFC links',
		parameters: [
			{
				name: 'Per-CTC rate, per-CHPID cap',
				code: 'CTC_MBPS, CHPID_MBPS',
				value: `${CTC_MBPS} MB/s, ${CHPID_MBPS} MB/s`,
				raw: `${CTC_MBPS},${CHPID_MBPS}`,
				source:
					'Four CTCs fill one FICON CHPID: 001 "CTC Connections" ("4 CTC devices per FICON chpid").',
				readmeRow: 'per-CTC rate, per-CHPID cap'
			},
			{
				name: 'Write-collision avoidance',
				code: 'writableCtcs',
				value: `each side writes on N-${8 - writableCtcs(8)} of 2-8 CTCs, N-${16 - writableCtcs(16)} of 9-16`,
				raw: `${writableCtcs(2)},${writableCtcs(8)},${writableCtcs(9)},${writableCtcs(16)}`,
				source: 'MODEL-NOTES (ISFC), from the z/VM education material.',
				readmeRow: 'write-collision avoidance'
			},
			{
				name: 'Devices in a logical link, CHPIDs',
				code: 'MAX_CTCS, MAX_CHPIDS',
				value: `1-${MAX_CTCS} CTCs on up to ${MAX_CHPIDS} CHPIDs`,
				raw: `${MAX_CTCS},${MAX_CHPIDS}`,
				source: '001 "CTC Connections" ("1-16 CTC connections").'
			},
			{
				name: 'Fastest link, one direction',
				value: `${n(4 * CHPID_MBPS - 2 * CTC_MBPS)} MB/s (4 CHPIDs, 16 CTCs, 14 written), ${n(Math.round(pagesPerMs(4 * CHPID_MBPS - 2 * CTC_MBPS) * 1000))} pages/s`,
				raw: 4 * CHPID_MBPS - 2 * CTC_MBPS,
				source: 'Follows from the three rows above.'
			},
			{
				name: 'Link sharing',
				value: 'even split per direction among the relocations moving memory over the link',
				raw: 'even',
				source:
					'Concurrent relocations “compete with each other for system resources” (000 §3.6.1).',
				readmeRow: 'link sharing'
			}
		]
	},
	{
		id: 'params-phases',
		title: 'Relocation phases',
		parameters: [
			{
				name: 'Eligibility check',
				value: 'at the command, no time',
				raw: 0,
				source:
					'ASYNCHRONOUS “return[s] as soon as the initial eligibility check is done” (000 §3.6.1); the transcripts answer within the second.',
				readmeRow: 'eligibility check'
			},
			simParam(
				'relocationSkeletonMs',
				'Creating the skeleton on the destination',
				'A virtual machine definition: short against memory, long enough to see.',
				'creating the skeleton (`relocationSkeletonMs`)'
			),
			simParam(
				'relocationGuestStateMs',
				'Guest state and I/O devices (in Moving Guest)',
				'Inside the quiesce, between the two quiesced passes (z/VM 6.2 performance report, MODEL-NOTES).',
				'guest state and I/O devices (`relocationGuestStateMs`)'
			),
			simParam(
				'relocationResumeMs',
				'Resume on the destination',
				'Not part of the quiesce as the report defines it (the final two passes).',
				'resume on the destination (`relocationResumeMs`)'
			),
			simParam(
				'relocationCleanupMs',
				'Cleaning Up on the source',
				'The source frees the guest’s storage “as though you logged off the guest” (000 A.1.2).',
				'Cleaning Up (`relocationCleanupMs`)'
			),
			simParam(
				'relocationSliceMs',
				'Engine slice (bandwidth sampled once a slice)',
				'The engine’s default grid; VMRELOCATE STATUS pass counts are at most one slice old.',
				'engine slice (`relocationSliceMs`)'
			),
			{
				name: 'Page size',
				code: 'PAGE_BYTES',
				value: `${PAGE_BYTES / 1024} KiB`,
				raw: PAGE_BYTES,
				source:
					'z/Architecture pages; dirty tracking is per 4 KiB page in every hypervisor (MODEL-NOTES).'
			},
			{
				name: 'Page management blocks',
				code: 'pgmbkBytes',
				value: `${pgmbkBytes(1024 * 1024) / 1024} KB per MB of guest storage`,
				raw: pgmbkBytes(1024 * 1024),
				source: '000 A.1.8’s 10320M for a 10G guest, Example 3-7’s 20640M for 20G.'
			}
		]
	},
	{
		id: 'params-zvm',
		title: 'The z/VM policy and VMRELOCATE’s limits',
		parameters: [
			{
				name: 'MAXQUIESCE default',
				code: 'DEFAULT_MAX_QUIESCE_MS',
				value: `${duration(DEFAULT_MAX_QUIESCE_MS)}; NOLIMIT with IMMEDIATE`,
				raw: DEFAULT_MAX_QUIESCE_MS,
				source: '000 §3.6.1 and §3.6.2 step 4.'
			},
			{
				name: 'MAXTOTAL default',
				value: 'NOLIMIT',
				raw: 'NOLIMIT',
				source: '000 §3.6.2 step 4 (“The default value for the MAXTOTAL time is NOLIMIT”).'
			},
			{
				name: 'Quiesced passes',
				code: 'quiescedPasses',
				value: `${zvm.quiescedPasses}: the penultimate and the final`,
				raw: zvm.quiescedPasses,
				source:
					'The quiesce covers “the final two passes through storage” (z/VM 6.2 performance report, MODEL-NOTES).'
			},
			{
				name: 'Quiesce target',
				code: 'DEFAULT_TARGET_QUIESCE_MS',
				value: `min(${duration(DEFAULT_TARGET_QUIESCE_MS)}, MAXQUIESCE ÷ 2)`,
				raw: DEFAULT_TARGET_QUIESCE_MS,
				source:
					'The model’s choice: IBM does not publish the rule (“an internal algorithm determines that the guest needs to be quiesced”, 000 §3.2). Short enough that “the application does not notice” (000 §3.1), with room under MAXQUIESCE for two passes.'
			},
			{
				name: 'Stall ratio',
				code: 'shrinkRatio',
				value: `a pass “shrinks” below ${ZVM_POLICY_DEFAULTS.shrinkRatio} × every earlier one`,
				raw: ZVM_POLICY_DEFAULTS.shrinkRatio,
				source: 'The model’s choice: the writable working set floor (Clark et al., MODEL-NOTES).'
			},
			{
				name: 'Stalled passes',
				code: 'stallPasses',
				value: `${ZVM_POLICY_DEFAULTS.stallPasses} passes that do not shrink end pre-copy`,
				raw: ZVM_POLICY_DEFAULTS.stallPasses,
				source: 'The model’s choice.'
			},
			{
				name: 'Most pre-copy passes',
				code: 'maxPasses',
				value: String(ZVM_POLICY_DEFAULTS.maxPasses),
				raw: ZVM_POLICY_DEFAULTS.maxPasses,
				source: 'The model’s choice: a safety net for slow but steady convergence.'
			}
		]
	},
	{
		id: 'params-qemu-xen',
		title: 'The QEMU and Xen policies (Compare mode)',
		parameters: [
			{
				name: 'QEMU downtime limit',
				code: 'QEMU_DOWNTIME_LIMIT_MS',
				value: duration(QEMU_DOWNTIME_LIMIT_MS),
				raw: QEMU_DOWNTIME_LIMIT_MS,
				source: 'QEMU migration/options.c default (MODEL-NOTES).'
			},
			{
				name: 'QEMU max-bandwidth',
				code: 'QEMU_MAX_BANDWIDTH_MBPS',
				value: `128 MiB/s (${QEMU_MAX_BANDWIDTH_MBPS.toFixed(1)} MB/s)`,
				raw: QEMU_MAX_BANDWIDTH_MBPS,
				source: 'QEMU’s MAX_THROTTLE default (MODEL-NOTES).'
			},
			{
				name: 'Xen (libxc) iterations, memory factor, dirty threshold',
				code: 'XEN_LEGACY',
				value: `${XEN_LEGACY.maxIterations} iterations, ${XEN_LEGACY.maxFactor}× memory, ${XEN_LEGACY.dirtyThreshold} pages`,
				raw: `${XEN_LEGACY.maxIterations},${XEN_LEGACY.maxFactor},${XEN_LEGACY.dirtyThreshold}`,
				source: 'libxc’s DEF_MAX_ITERS and DEF_MAX_FACTOR (MODEL-NOTES).'
			},
			{
				name: 'Xen (libxl) iterations, dirty threshold',
				code: 'XEN_CURRENT',
				value: `${XEN_CURRENT.maxIterations} iterations, ${XEN_CURRENT.dirtyThreshold} pages`,
				raw: `${XEN_CURRENT.maxIterations},${XEN_CURRENT.dirtyThreshold}`,
				source: 'xg_sr_save.c (MODEL-NOTES); Compare mode runs libxc’s rules.'
			},
			{
				name: 'Compare horizon',
				code: 'COMPARE_HORIZON_MS',
				value: duration(COMPARE_HORIZON_MS),
				raw: COMPARE_HORIZON_MS,
				source:
					'The model’s choice: a side still moving memory then (QEMU has no cap on its rounds) is reported as unfinished.'
			}
		]
	}
];

/** One workload preset as the page's table shows it. */
export interface WorkloadRow {
	readonly name: string;
	readonly resident: string;
	readonly hot: string;
	readonly hotWrites: string;
	readonly coldWrites: string;
	readonly skew: string;
	readonly bursts: string;
	readonly io: string;
}

const pct = (f: number): string => `${Math.round(f * 100)} %`;

/** The workload presets (`engine/workload.ts`), read from the code. */
export const WORKLOAD_ROWS: readonly WorkloadRow[] = WORKLOAD_NAMES.map((name) => {
	const p: {
		resident: number;
		hot: number;
		hotWritesPerS: number;
		coldWritesPerS: number;
		skew: number;
		pattern?: string;
		burst?: { periodMs: number; durationMs: number; writesPerS: number };
		io?: { bufferPages: number; writesPerS: number };
	} = WORKLOAD_PRESETS[name];
	return {
		name,
		resident: pct(p.resident),
		hot: pct(p.hot),
		hotWrites: `${n(p.hotWritesPerS)}${p.pattern === 'sweep' ? ' (sweep)' : ''}`,
		coldWrites: n(p.coldWritesPerS),
		skew: String(p.skew),
		bursts: p.burst
			? `every ${duration(p.burst.periodMs)} for ${duration(p.burst.durationMs)}, +${n(p.burst.writesPerS)}/s`
			: '—',
		io: p.io ? `${n(p.io.bufferPages)} pages at ${n(p.io.writesPerS)}/s` : 'none'
	};
});
