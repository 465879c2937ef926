/**
 * Rules about limits and shared resources on the destination (HCPRLL messages): the memory and
 * paging checks of 000 §3.4 (Figures 3-1 ... 3-4, figures computed in ./storage.ts), saved
 * segments (000 §3.3, A.1.4) and the virtual disk in storage limit (000 §3.7).
 */
import { HCPRL } from './messages';
import { numbered, textOnly, type RuleMeta } from './reason';
import type { EligibilityRule, Reason, RuleContext } from './rule-types';
import { destinationStorage, guestStorageUse, inK, inM } from './storage';

const meta = (
	rule: RuleMeta['rule'],
	section: string,
	forcedBy?: RuleMeta['forcedBy']
): RuleMeta => ({ rule, group: 'limit', section, ...(forcedBy ? { forcedBy } : {}) });

// Only the current-storage check cannot be forced (000 §3.4: "must be finished in any case with
// a positive result"); FORCE STORAGE overrules the additional checks (000 §3.4, §3.6.1).
const FIT = meta('storage-fit', '000 §3.4 Figure 3-1, §3.7');
const PAGING = meta('storage-paging', '000 §3.4 Figure 3-2', 'storage');
const CAPACITY = meta('max-storage-capacity', '000 §3.4 Figure 3-3, A.1.9', 'storage');
const MAXPAGING = meta('max-storage-paging', '000 §3.4 Figure 3-4, A.1.8, Example 3-7', 'storage');
const SEGMENT = meta('segment-identical', '000 §3.3, A.1.4');
const RANGES = meta('segment-page-ranges', '000 §3.3; 001 Guest Configuration');
const VDISKLIM = meta('vdisk-limit', '000 §3.7 (resource limit conditions)');

/** Page range types a relocating guest's NSS or DCSS must not have (000 §3.3; 001). */
export const FORBIDDEN_RANGES = ['SW', 'SC', 'SN'];

const one = (m: RuleMeta, f: (ctx: RuleContext) => Reason | null): EligibilityRule => ({
	id: m.rule,
	section: m.section,
	check: (ctx) => {
		const r = f(ctx);
		return r ? [r] : [];
	}
});

const figures = ({ cluster, guest, destination }: RuleContext) => ({
	use: guestStorageUse(guest),
	dest: destinationStorage(destination, cluster.guests)
});

/** The limit rules, in listing order (000 Example A-28: HCPRLL1811I before HCPRLL1813I). */
export const LIMIT_RULES: EligibilityRule[] = [
	one(FIT, (ctx) => {
		const { use, dest } = figures(ctx);
		return use.current > dest.capacity
			? textOnly(
					FIT,
					`Current storage use (${inK(use.current)}) does not fit into the available space on destination (${inK(dest.capacity)})`
				)
			: null;
	}),
	one(PAGING, (ctx) => {
		const { use, dest } = figures(ctx);
		return use.currentPageable > dest.availablePaging
			? textOnly(
					PAGING,
					`Current pageable storage use (${inK(use.currentPageable)}) exceeds available auxiliary paging space on destination (${inK(dest.availablePaging)}) by ${inK(use.currentPageable - dest.availablePaging)}`
				)
			: null;
	}),
	one(CAPACITY, (ctx) => {
		const { use, dest } = figures(ctx);
		return use.max > dest.capacity
			? numbered(
					CAPACITY,
					HCPRL.maxStorage(inK(use.max), inK(dest.capacity), inK(use.max - dest.capacity))
				)
			: null;
	}),
	one(MAXPAGING, (ctx) => {
		const { use, dest } = figures(ctx);
		return use.maxPageable > dest.availablePaging
			? numbered(
					MAXPAGING,
					HCPRL.maxPageable(
						inM(use.maxPageable),
						inK(dest.availablePaging),
						inK(use.maxPageable - dest.availablePaging)
					)
				)
			: null;
	}),
	{
		id: SEGMENT.rule,
		section: SEGMENT.section,
		check: ({ cluster, guest, source, destination }) =>
			guest.segments
				.filter((name) => {
					const copy = cluster.segments.find(
						(s) => s.name === name && s.members.includes(source.name)
					);
					return !copy || !copy.members.includes(destination.name);
				})
				.map((name) => numbered(SEGMENT, HCPRL.segment(name)))
	},
	{
		id: RANGES.rule,
		section: RANGES.section,
		check: ({ cluster, guest, source }) =>
			guest.segments.flatMap((name) => {
				const copy = cluster.segments.find(
					(s) => s.name === name && s.members.includes(source.name)
				);
				const bad = copy?.ranges.filter((r) => FORBIDDEN_RANGES.includes(r)) ?? [];
				return bad.length === 0
					? []
					: [
							textOnly(
								RANGES,
								`${copy!.kind} ${name} has ${[...new Set(bad)].join(', ')} page ranges (shared write, shared with CP or shared with no data)`
							)
						];
			})
	},
	one(VDISKLIM, ({ guest, destination }) => {
		const limit = destination.resources.vdiskUserLimitBlocks;
		const blocks = guest.devices.reduce(
			(n, d) =>
				n +
				(d.kind === 'vfb512'
					? d.blocks
					: d.kind === 'mdisk' && d.form === 'vdisk'
						? (d.blocks ?? 0)
						: 0),
			0
		);
		return limit !== null && blocks > limit
			? textOnly(
					VDISKLIM,
					`Virtual disks in storage of the virtual machine (${blocks} blocks) exceed the user limit on destination (${limit} blocks)`
				)
			: null;
	})
];
