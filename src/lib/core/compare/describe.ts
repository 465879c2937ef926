/**
 * A comparison in words: each side's settings in one line, what differs between A and B, and
 * the phase names a side shows (VMRELOCATE STATUS's strings for z/VM, 001 "Starting and
 * Managing a Live Guest Relocation"; "Stop and copy" for the one-round policies of QEMU and Xen).
 */
import { formatSize } from '../config/sizes';
import {
	effectiveMaxQuiesceMs,
	FIELD_LABELS,
	POLICY_LABELS,
	type CompareSettings,
	type PolicyId,
	type SideSettings
} from './settings';
import { isQuiesced } from '../machines/relocation.machine';
import { sideLinkMBps, type SidePhase } from './side';

const Z_VM_LABELS: Record<SidePhase, string> = {
	CreatingSkeleton: 'Creating Skel',
	MovingMemory: 'Moving Memory',
	MovingGuest: 'Moving Guest',
	FinalMemCopy: 'Final Mem Copy',
	Resuming: 'Resuming',
	CleaningUp: 'Cleaning Up',
	Relocated: 'Relocated',
	Cancelled: 'Cancelled',
	Terminated: 'Terminated'
};

/** A phase's name for a side running `policy`. */
export function phaseLabel(phase: SidePhase, policy: PolicyId): string {
	if (policy !== 'zvm' && phase === 'FinalMemCopy') return 'Stop and copy';
	return Z_VM_LABELS[phase];
}

/** The phases a relocation that takes its course goes through under `policy`, in order. */
export function sideSteps(
	policy: PolicyId
): { phase: SidePhase; label: string; quiesced: boolean }[] {
	const phases: SidePhase[] = [
		'CreatingSkeleton',
		'MovingMemory',
		...(policy === 'zvm' ? (['MovingGuest'] as const) : []),
		'FinalMemCopy',
		'Resuming',
		'CleaningUp'
	];
	return phases.map((phase) => ({
		phase,
		label: phaseLabel(phase, policy),
		quiesced: isQuiesced(phase)
	}));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A limit in words: `10 s`, `NOLIMIT`. */
function limitWords(ms: number): string {
	return Number.isFinite(ms) ? `${ms / 1000} s` : 'NOLIMIT';
}

/** Each setting of a side as a short value, keyed like the form's fields (`4G`, `web`, `10 s`). */
export function settingWords(s: SideSettings): Record<keyof typeof FIELD_LABELS, string> {
	return {
		memory: formatSize(s.memoryBytes),
		workload: s.workload,
		chpids: String(s.chpids),
		ctcsPerChpid: String(s.ctcsPerChpid),
		policy: POLICY_LABELS[s.policy],
		immediate: s.immediate ? 'yes' : 'no',
		maxQuiesce: `${limitWords(effectiveMaxQuiesceMs(s))}${s.maxQuiesce === 'default' ? ' (default)' : ''}`,
		maxTotal: s.maxTotal === 'NOLIMIT' ? 'NOLIMIT' : `${s.maxTotal} s`,
		seed: ''
	};
}

/** One line for a side: `4G web guest · 1 CHPID × 4 CTCs (300 MB/s) · z/VM`. */
export function describeSide(s: SideSettings): string {
	const extras = [
		s.immediate ? 'IMMEDIATE' : null,
		s.maxQuiesce !== 'default' ? `MAXQUIESCE ${s.maxQuiesce}` : null,
		s.maxTotal !== 'NOLIMIT' ? `MAXTOTAL ${s.maxTotal}` : null
	].filter((x): x is string => x !== null);
	return [
		`${formatSize(s.memoryBytes)} ${s.workload} guest`,
		`${plural(s.chpids, 'CHPID')} × ${plural(s.ctcsPerChpid, 'CTC')} (${sideLinkMBps(s)} MB/s)`,
		POLICY_LABELS[s.policy],
		...extras
	].join(' · ');
}

/** A setting that differs between the sides. */
export interface SettingDifference {
	field: keyof SideSettings;
	label: string;
	a: string;
	b: string;
}

const DIFF_FIELDS: readonly [keyof SideSettings, keyof typeof FIELD_LABELS][] = [
	['memoryBytes', 'memory'],
	['workload', 'workload'],
	['chpids', 'chpids'],
	['ctcsPerChpid', 'ctcsPerChpid'],
	['policy', 'policy'],
	['immediate', 'immediate'],
	['maxQuiesce', 'maxQuiesce'],
	['maxTotal', 'maxTotal']
];

/** The settings that differ between A and B, in form order. */
export function settingDifferences(c: CompareSettings): SettingDifference[] {
	const wa = settingWords(c.a);
	const wb = settingWords(c.b);
	return DIFF_FIELDS.flatMap(([field, key]) =>
		c.a[field] === c.b[field] && wa[key] === wb[key]
			? []
			: [{ field, label: FIELD_LABELS[key], a: wa[key], b: wb[key] }]
	);
}

/** What differs, in one sentence: "A and B differ only in CTCs per CHPID: 4 CTCs against 1 CTC." */
export function differenceSentence(c: CompareSettings): string {
	const d = settingDifferences(c);
	if (d.length === 0)
		return 'A and B have the same settings: both sides should give the same figures.';
	const parts = d.map((x) => `${x.label} (${x.a} against ${x.b})`);
	return d.length === 1
		? `A and B differ only in ${parts[0]}.`
		: `A and B differ in ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
}
