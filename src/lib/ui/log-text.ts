/**
 * One-line, human-readable descriptions of event-log entries and faults, for the event log
 * list and for narration.
 */
import type { Fault, LogEntry, SimInput } from '../core/sim/events';
import { peerViewLabel } from './format';

/** A fault in words (`CTC 4A61 … failed` reads better, but the log only has the CTC index). */
export function describeFault(f: Fault): string {
	switch (f.kind) {
		case 'member.abend':
			return `${f.member} abended (crash injected)`;
		case 'member.systemId':
			return `${f.member} will IPL as system ${f.systemId}`;
		case 'ctc.fail':
			return `CTC ${f.ctc + 1} on CHPID ${f.chpid} of link ${f.link} failed`;
		case 'ctc.repair':
			return `CTC ${f.ctc + 1} on CHPID ${f.chpid} of link ${f.link} repaired`;
		case 'chpid.fail':
			return `CHPID ${f.chpid} of link ${f.link} failed`;
		case 'chpid.repair':
			return `CHPID ${f.chpid} of link ${f.link} repaired`;
		case 'link.sever':
			return `link ${f.link} cut`;
		case 'link.repair':
			return `link ${f.link} repaired`;
	}
}

/** An input (command, fault, IPL, SHUTDOWN, a workload or CTC count change) in words. */
export function describeInput(input: SimInput): string {
	switch (input.kind) {
		case 'command':
			return `command "${input.text}" on ${input.on}`;
		case 'fault':
			return `fault: ${describeFault(input.fault)}`;
		case 'ipl':
			return `IPL of ${input.member}`;
		case 'shutdown':
			return `SHUTDOWN${input.reipl ? ' REIPL' : ''} of ${input.member}`;
		case 'guest.workload':
			return `${input.user} on ${input.on} to run the ${input.workload} workload`;
		case 'link.ctcs':
			return `${input.ctcs} CTC${input.ctcs === 1 ? '' : 's'} on CHPID ${input.chpid} of link ${input.link}`;
	}
}

/** Which broad category an entry belongs to (drives the glyph and colour in the list). */
export function logCategory(e: LogEntry): 'state' | 'mode' | 'fault' | 'command' | 'info' {
	switch (e.kind) {
		case 'member.state':
		case 'member.view':
			return 'state';
		case 'cluster.mode':
			return 'mode';
		case 'fault':
		case 'link.capacity':
		case 'link.ctcs':
		case 'input.rejected':
			return 'fault';
		case 'command':
			return 'command';
		default:
			return 'info';
	}
}

export function describeLogEntry(e: LogEntry): string {
	switch (e.kind) {
		case 'sim.start':
			return `Scenario ${e.scenario} started (seed ${e.seed})`;
		case 'member.state':
			return `${e.member}: ${e.from} → ${e.to} (${e.reason})`;
		case 'member.view':
			return `${e.observer} sees ${e.peer}: ${peerViewLabel(e.from)} → ${peerViewLabel(e.to)}`;
		case 'cluster.mode':
			return `Cluster mode ${e.from} → ${e.to}`;
		case 'link.capacity':
			return `Link ${e.link}: ${e.ctcs} CTCs working, ${e.mbps} MB/s (${e.reason})`;
		case 'fault':
			return `Fault: ${describeFault(e.fault)}`;
		case 'command':
			return `${e.on} ${e.user}: ${e.text} (rc ${e.rc})`;
		case 'domain.defined':
			return `Relocation domain ${e.name} defined: ${e.members.join(' ')}`;
		case 'guest.logoff':
			return `${e.user} logged off ${e.on} (${e.reason})`;
		case 'slot.changed':
			return `Slot ${e.slot}: ${e.from ?? 'Available'} → ${e.to ?? 'Available'}`;
		case 'input.rejected':
			return `Refused: ${describeInput(e.input)}: ${e.reason}`;
		case 'guest.workload':
			return `${e.user} on ${e.on}: workload ${e.from} → ${e.to}`;
		case 'link.ctcs':
			return `Link ${e.link} CHPID ${e.chpid}: ${e.from} → ${e.to} CTCs (${e.to > e.from ? 'added' : 'removed'} ${e.devices.join(' ')})`;
		case 'relocation.start':
			return `${e.by}: relocation ${e.id} of ${e.user} from ${e.from} to ${e.to}`;
		case 'relocation.phase':
			return `Relocation ${e.id} of ${e.user}: ${e.from} → ${e.to} (${e.reason})`;
		case 'relocation.pass':
			return `Relocation ${e.id} of ${e.user}: pass ${e.n} sent ${e.pages} pages${e.quiesced ? ' (quiesced)' : ''}`;
		case 'relocation.end':
			return `Relocation ${e.id} of ${e.user} ${e.outcome}${e.reason ? ` (${e.reason})` : ''}`;
		case 'guest.device':
			return `${e.user}: device ${e.vdev} re-attached, ${e.from} → ${e.to} on ${e.on}`;
		case 'guest.console':
			return `${e.user} console on ${e.on}: ${e.text}`;
		default: {
			// A kind newer than this view: still shown, in a generic form, rather than dropped.
			const { t: _t, kind, ...rest } = e as LogEntry;
			return `${kind} ${JSON.stringify(rest)}`;
		}
	}
}
