/**
 * The effective definition of a guest: its PROFILE (INCLUDE), its own statements and, for an
 * IDENTITY, the SUBCONFIG its BUILD statement names for the member (000 §2.2.4, App. B.2).
 *
 * Merge order is profile, entry, subconfig; a later part wins: MACHINE, IPL, VMRELOCATE and
 * CLASS replace earlier ones, a CPU replaces the same address, and a device statement
 * replaces any earlier statement using the same virtual device. OPTION keywords accumulate.
 * (The simulator's choice: CP itself rejects a directory where an entry redefines a device
 * of its profile, so on valid directories this only concatenates.)
 */
import { emptyBody } from './user-direct-context';
import { deviceValue } from './tokens';
import type { Directory, EntryBody, ResolveResult } from './user-direct.types';

type Range = [number, number];

function span(vdev: string, count = 1): Range {
	const v = deviceValue(vdev);
	return [v, v + count - 1];
}

function overlaps(ranges: Range[], r: Range): boolean {
	return ranges.some(([a, b]) => a <= r[1] && r[0] <= b);
}

/** Virtual devices a body defines. */
function devicesOf(body: EntryBody): Range[] {
	return [
		...body.nicdefs.map((n) => span(n.vdev, n.devices ?? 3)),
		...body.dedicates.map((d) => span(d.vdev)),
		...body.mdisks.map((m) => span(m.vdev)),
		...body.links.map((l) => span(l.vdev)),
		...body.unitRecords.map((u) => span(u.vdev)),
		...body.commands.flatMap((c) => (c.vdisk ? [span(c.vdisk.vdev)] : []))
	];
}

function merge(into: EntryBody, from: EntryBody): void {
	into.machine = from.machine ?? into.machine;
	into.ipl = from.ipl ?? into.ipl;
	into.vmrelocate = from.vmrelocate ?? into.vmrelocate;
	into.privClassStatement = from.privClassStatement ?? into.privClassStatement;
	for (const cpu of from.cpus) {
		into.cpus = into.cpus.filter((c) => c.address !== cpu.address);
		into.cpus.push(cpu);
	}
	into.options.keywords.push(...from.options.keywords);
	into.options.lines.push(...from.options.lines);
	if (from.options.keywords.some((k) => k.startsWith('CHPIDVIRTUALIZATION '))) {
		into.options.chpidVirtualizationOne = from.options.chpidVirtualizationOne;
	}
	const taken = devicesOf(from);
	const keep = (r: Range): boolean => !overlaps(taken, r);
	into.nicdefs = into.nicdefs
		.filter((n) => keep(span(n.vdev, n.devices ?? 3)))
		.concat(from.nicdefs);
	into.dedicates = into.dedicates.filter((d) => keep(span(d.vdev))).concat(from.dedicates);
	into.mdisks = into.mdisks.filter((m) => keep(span(m.vdev))).concat(from.mdisks);
	into.links = into.links.filter((l) => keep(span(l.vdev))).concat(from.links);
	into.unitRecords = into.unitRecords.filter((u) => keep(span(u.vdev))).concat(from.unitRecords);
	into.commands = into.commands
		.filter((c) => !c.vdisk || keep(span(c.vdisk.vdev)))
		.concat(from.commands);
	into.others = into.others.concat(from.others);
}

/**
 * Resolves `userid` into one effective definition. For an IDENTITY, `member` selects the
 * SUBCONFIG (BUILD ON member); without it only the common part is returned, with a warning.
 * For a USER, `member` is recorded but changes nothing: a single-configuration virtual
 * machine is the same on every member (000 §2.2.4). Never throws.
 */
export function resolveEntry(directory: Directory, userid: string, member?: string): ResolveResult {
	const id = String(userid).toUpperCase();
	const entry = directory.entries.find((e) => e.userid === id);
	if (!entry) return { ok: false, reason: `no USER or IDENTITY entry named ${id}` };
	const warnings: string[] = [];
	const body = emptyBody();
	const include = entry.includes[0];
	const profile = include ? directory.profiles.find((p) => p.name === include.profile) : undefined;
	if (include && !profile)
		warnings.push(
			`profile ${include.profile} is not in this directory; its statements are not included`
		);
	if (profile) merge(body, profile);
	merge(body, entry);
	let subconfig: string | null = null;
	const m = member === undefined ? null : String(member).toUpperCase();
	if (entry.kind === 'IDENTITY') {
		if (m === null) {
			warnings.push(
				`IDENTITY ${id} resolved without a member: only its common statements are included`
			);
		} else {
			const build = entry.builds.find((b) => b.member === m);
			if (!build) return { ok: false, reason: `IDENTITY ${id} has no BUILD ON ${m} statement` };
			const sub = directory.subconfigs.find((s) => s.name === build.subconfig);
			if (!sub)
				return {
					ok: false,
					reason: `SUBCONFIG ${build.subconfig} for ${id} on ${m} is not defined`
				};
			merge(body, sub);
			subconfig = sub.name;
		}
	}
	return {
		ok: true,
		warnings,
		entry: {
			...body,
			kind: entry.kind,
			userid: entry.userid,
			member: m,
			profile: profile?.name ?? include?.profile ?? null,
			subconfig,
			storage: entry.storage,
			maxStorage: entry.maxStorage,
			privClasses: body.privClassStatement?.classes ?? entry.privClasses ?? 'G'
		}
	};
}
