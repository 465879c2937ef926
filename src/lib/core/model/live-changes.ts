/**
 * Changes a learner makes to a running cluster besides faults: what a guest does to its memory
 * (`guest.workload`) and how many CTC devices a CHPID of an ISFC link has (`link.ctcs`). Each
 * returns null when applied, or the reason it was refused (the simulation logs it as
 * `input.rejected`). A relocation under way follows both from its engine's next slice: the
 * link's capacity through its bandwidth history (relocation.ts `refreshBandwidth`, run after
 * every input), the workload through the engine record's workload history.
 */
import { isWorkloadPreset, WORKLOAD_NAMES } from '../engine/workload';
import { record } from '../sim/kernel';
import type { SimInput } from '../sim/events';
import type { SimState } from '../sim/state';
import { logCapacity } from './cluster-dynamics';
import { MAX_CTCS } from './link';
import { activeRelocations, guestWorkload } from './lgr/relocation';
import type { CtcState, LinkState } from './types';

type WorkloadInput = Extract<SimInput, { kind: 'guest.workload' }>;
type CtcsInput = Extract<SimInput, { kind: 'link.ctcs' }>;

/**
 * Guest `user` on member `on` runs `workload` from now on (000 §3.2.1: the "page change rate"
 * is the guest's factor in how long a relocation takes). While its memory is moving, the
 * relocation's engine takes the new rates from its next slice; the guest's memory (its
 * resident set) stays as it is.
 */
export function setGuestWorkload(state: SimState, input: WorkloadInput): string | null {
	if (!isWorkloadPreset(input.workload)) {
		return `"${String(input.workload)}" is not a workload preset (${WORKLOAD_NAMES.join(', ')})`;
	}
	const user = input.user.toUpperCase();
	const on = input.on.toUpperCase();
	const guest = state.cluster.guests.find((g) => g.user === user && g.on === on);
	if (!guest) return `no guest ${user} is logged on to ${on}`;
	if (guest.workload === input.workload) {
		return `${user} on ${on} already runs the ${input.workload} workload`;
	}
	const from = guest.workload;
	guest.workload = input.workload;
	for (const rel of activeRelocations(state)) {
		const e = rel.engine;
		if (rel.user !== user || rel.from !== on || !e?.running) continue;
		const { spec } = guestWorkload(guest);
		(e.workloads ??= []).push([state.now, spec]);
	}
	record(state, { kind: 'guest.workload', user, on, from, to: input.workload });
	return null;
}

/** One device number plus `n`, as four hex digits, or null past FFFF. */
function nextRdev(rdev: string, n: number): string | null {
	const v = parseInt(rdev, 16) + n;
	return Number.isFinite(v) && v <= 0xffff ? v.toString(16).toUpperCase().padStart(4, '0') : null;
}

/** Device numbers already in use on member `name`: CTCs of every link, and its listed devices. */
function devicesInUse(state: SimState, name: string): Set<string> {
	const used = new Set<string>();
	for (const l of state.cluster.links) {
		const side = l.between[0] === name ? 'rdevA' : l.between[1] === name ? 'rdevB' : null;
		if (!side) continue;
		for (const ch of l.chpids) for (const c of ch.ctcs) used.add(c[side].toUpperCase());
	}
	const m = state.cluster.members.find((x) => x.name === name);
	for (const d of m?.resources.devices ?? []) used.add(d.rdev.toUpperCase());
	return used;
}

/** The last device on the link in device-number order, the base new devices follow when a CHPID has none. */
function lastDevice(link: LinkState): CtcState | null {
	let last: CtcState | null = null;
	for (const ch of link.chpids)
		for (const c of ch.ctcs)
			if (!last || parseInt(c.rdevA, 16) > parseInt(last.rdevA, 16)) last = c;
	return last;
}

/**
 * CHPID `chpid` of link `link` gets `ctcs` CTC devices. The rules (001 "CTC Connections"):
 * a logical link is 1-16 CTC connections in all; a CHPID keeps at least one (taking a channel
 * path out of the link is a fault, `chpid.fail`, not a change of count). More than four on
 * one CHPID is allowed and adds no bandwidth ("4 CTC devices per FICON chpid – provides most
 * efficient ISFC data transfer"; the model's per-CHPID cap, model/link.ts). Devices are added
 * after the CHPID's last one with the same number on both members (001: "Use same real device
 * number for same CTC on each member"), and removed from its end, failed or not.
 */
export function setLinkCtcs(state: SimState, input: CtcsInput): string | null {
	const link = state.cluster.links.find((l) => l.id === input.link);
	if (!link) return `no ISFC link named ${input.link}`;
	const wanted = input.chpid.toUpperCase();
	const chpid = link.chpids.find((c) => c.id === wanted);
	if (!chpid) return `link ${link.id} has no CHPID ${wanted}`;
	const n = input.ctcs;
	if (!Number.isInteger(n) || n < 1) {
		return `CHPID ${wanted} of link ${link.id} needs at least 1 CTC device (got ${n})`;
	}
	const others = link.chpids.reduce((a, c) => a + (c === chpid ? 0 : c.ctcs.length), 0);
	if (others + n > MAX_CTCS) {
		return `link ${link.id} would have ${others + n} CTC devices; a logical link has 1-${MAX_CTCS} (001 "CTC Connections"), so CHPID ${wanted} can have at most ${MAX_CTCS - others}`;
	}
	const from = chpid.ctcs.length;
	if (n === from) return `CHPID ${wanted} of link ${link.id} already has ${n} CTC devices`;
	let devices: string[];
	if (n < from) {
		devices = chpid.ctcs.slice(n).map((c) => c.rdevA);
		chpid.ctcs = chpid.ctcs.slice(0, n);
	} else {
		const base = chpid.ctcs.at(-1) ?? lastDevice(link);
		const usedA = devicesInUse(state, link.between[0]);
		const usedB = devicesInUse(state, link.between[1]);
		const added: CtcState[] = [];
		for (let i = 1; added.length < n - from; i++) {
			const a = base ? nextRdev(base.rdevA, i) : nextRdev('5FFF', i);
			const b = base ? nextRdev(base.rdevB, i) : a;
			if (a === null || b === null) {
				return `no free device numbers after ${base?.rdevA ?? '6000'} for CHPID ${wanted} of link ${link.id}`;
			}
			if (usedA.has(a)) {
				return `device ${a} is already in use on ${link.between[0]}: CHPID ${wanted} of link ${link.id} cannot grow past ${from + added.length} CTC devices`;
			}
			if (usedB.has(b)) {
				return `device ${b} is already in use on ${link.between[1]}: CHPID ${wanted} of link ${link.id} cannot grow past ${from + added.length} CTC devices`;
			}
			added.push({ rdevA: a, rdevB: b, failed: false });
		}
		chpid.ctcs = [...chpid.ctcs, ...added];
		devices = added.map((c) => c.rdevA);
	}
	record(state, { kind: 'link.ctcs', link: link.id, chpid: wanted, from, to: n, devices });
	logCapacity(state, link, `CHPID ${wanted}: ${from} → ${n} CTCs`);
	return null;
}
