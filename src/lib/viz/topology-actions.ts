/**
 * What the operable parts of the topology do: the faults and repairs a member, a link, a CHPID
 * or a CTC offers (core/sim/events.ts `Fault`; IPL is a member's repair), each named with what
 * will happen, and how fast the traffic along a link animates. Pure: the view renders it.
 */
import { linkCapacityMBps } from '../core/model/link';
import type { LinkState } from '../core/model/types';
import type { Fault, SimInput } from '../core/sim/events';
import type { ChpidView, CtcView, LinkView, MemberView } from '../worker/protocol';

/** One entry of an item's menu: what it is called, what it will do, and the input it applies. */
export interface TopologyAction {
	label: string;
	detail: string;
	input: SimInput;
	/** A fault (drawn as a danger), rather than a repair. */
	danger: boolean;
}

/** `A–B`, the link's name as the panels write it. */
export function linkName(l: Pick<LinkView, 'between'>): string {
	return `${l.between[0]}–${l.between[1]}`;
}

/** The link as the core holds it, rebuilt from its view (for a capacity preview). */
function linkState(l: LinkView): LinkState {
	return {
		id: l.id,
		between: [l.between[0], l.between[1]],
		severed: l.severed,
		chpids: l.chpids.map((c) => ({
			id: c.id,
			failed: c.failed,
			ctcs: c.ctcs.map((d) => ({ rdevA: d.rdevA, rdevB: d.rdevB, failed: d.failed }))
		}))
	};
}

/** One direction's capacity after `fault` (core/model/link.ts: the same rules the core applies). */
export function capacityAfter(l: LinkView, fault: Fault): number {
	const s = linkState(l);
	const failing = fault.kind.endsWith('.fail') || fault.kind === 'link.sever';
	if (fault.kind === 'link.sever' || fault.kind === 'link.repair') s.severed = failing;
	else if ('chpid' in fault) {
		const ch = s.chpids.find((c) => c.id === fault.chpid);
		if (ch && 'ctc' in fault) {
			const d = ch.ctcs[fault.ctc];
			if (d) d.failed = failing;
		} else if (ch) ch.failed = failing;
	}
	return linkCapacityMBps(s);
}

function capacityText(l: LinkView, fault: Fault): string {
	const after = capacityAfter(l, fault);
	if (after === l.capacityMBps) return `link capacity stays ${l.capacityMBps} MB/s`;
	return `link capacity ${l.capacityMBps} → ${after} MB/s${after === 0 ? ': the link is down' : ''}`;
}

const fault = (f: Fault): SimInput => ({ kind: 'fault', fault: f });

/** A member's actions: an abend while it runs, an IPL (the HMC Load) once it is down. */
export function memberActions(m: MemberView): TopologyAction[] {
	if (m.state === 'Down') {
		return [
			{
				label: `IPL ${m.name}`,
				detail: 'the HMC Load: it IPLs and joins the cluster',
				input: { kind: 'ipl', member: m.name },
				danger: false
			}
		];
	}
	return [
		{
			label: `Abend ${m.name}`,
			detail:
				'a crash: it stops at once, its guests with it; the others time it out and the cluster goes Safe',
			input: fault({ kind: 'member.abend', member: m.name }),
			danger: true
		}
	];
}

/** A link's action: cut it, or repair the cut. */
export function linkActions(l: LinkView): TopologyAction[] {
	const f: Fault = { kind: l.severed ? 'link.repair' : 'link.sever', link: l.id };
	return [
		{
			label: `${l.severed ? 'Repair' : 'Cut'} link ${linkName(l)}`,
			detail: l.severed
				? capacityText(l, f)
				: 'every CTC stops: the two members cannot reach each other and the cluster goes Safe',
			input: fault(f),
			danger: !l.severed
		}
	];
}

/** A CHPID's action: fail it (all its CTCs stop), or repair it. */
export function chpidActions(l: LinkView, ch: ChpidView): TopologyAction[] {
	const f: Fault = {
		kind: ch.failed ? 'chpid.repair' : 'chpid.fail',
		link: l.id,
		chpid: ch.id
	};
	return [
		{
			label: `${ch.failed ? 'Repair' : 'Fail'} CHPID ${ch.id}`,
			detail: `${ch.failed ? 'its' : `its ${ch.ctcs.length}`} CTC${ch.ctcs.length === 1 ? '' : 's'} ${ch.failed ? 'carry again' : 'stop'}; ${capacityText(l, f)}`,
			input: fault(f),
			danger: !ch.failed
		}
	];
}

/** A CTC's action: fail it, or repair it. */
export function ctcActions(l: LinkView, ch: ChpidView, d: CtcView): TopologyAction[] {
	const f: Fault = {
		kind: d.failed ? 'ctc.repair' : 'ctc.fail',
		link: l.id,
		chpid: ch.id,
		ctc: d.index
	};
	return [
		{
			label: `${d.failed ? 'Repair' : 'Fail'} CTC ${d.rdevA}`,
			detail: `on CHPID ${ch.id}; ${capacityText(l, f)}`,
			input: fault(f),
			danger: !d.failed
		}
	];
}

/** A figure in MB/s as the views write it. */
export function mbpsText(v: number): string {
	return `${Math.round(v).toLocaleString('en-US')} MB/s`;
}

/**
 * How fast memory flows along a link, for the CSS animation: the dash pattern (16 units long)
 * moves {@link FLOW_UNITS_PER_MB} units a second per MB/s, so the speed is proportional to the
 * bandwidth in use (1,400 MB/s: 210 units/s; 100 MB/s: 15). Returns the seconds per pattern.
 */
export function flowSeconds(mbps: number): number {
	return mbps > 0 ? FLOW_PATTERN / (FLOW_UNITS_PER_MB * mbps) : 0;
}
export const FLOW_PATTERN = 16;
export const FLOW_UNITS_PER_MB = 0.15;
