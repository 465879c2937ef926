import type { Fault, SimInput } from '../sim/events';
import type { SimParams } from '../sim/state';
import type { Facility, GuestStatus, MemberStateName } from '../model/types';

/**
 * A scenario, validated and with every size and time converted to numbers. The file format
 * (JSON) is documented in README.md and by `scenario.schema.json` beside this file.
 */
export interface ScenarioSpec {
	name: string;
	title: string;
	description: string;
	/** The document section the scenario comes from, e.g. "000 ch. 5". */
	source: string;
	seed: number;
	/** Simulated wall clock at time 0 (epoch ms, UTC). */
	startEpochMs: number;
	cluster: {
		name: string;
		pdr: { volume: string; rdev: string };
		crossSystemTimeouts: boolean;
		members: MemberSpec[];
		links: LinkSpec[];
		domains: { name: string; members: string[] }[];
	};
	directory: string | null;
	systemConfig: string | null;
	guests: GuestSpec[];
	script: { at: number; input: SimInput }[];
	params: Partial<SimParams>;
}

export interface MemberSpec {
	name: string;
	slot: number;
	cec: string;
	lpar: string;
	storageBytes: number;
	pagingBytes: number;
	cpus: number;
	cpuType: 'CP' | 'IFL';
	facilities: Facility[];
	/** State at time 0: a running cluster starts Joined; Down members wait for an IPL. */
	initial: Extract<MemberStateName, 'Joined' | 'Down'>;
	systemId: string;
}

export interface LinkSpec {
	between: [string, string];
	chpids: number;
	ctcs: number;
	/** First CTC device number (hex) of the link, for the device numbers QUERY and the views show. */
	firstRdev: string;
	/** Explicit CTC devices (CHPID, device on the first member, device on the second), when given. */
	devices: { chpid: string; a: string; b: string }[] | null;
}

export interface GuestSpec {
	user: string;
	on: string;
	status: GuestStatus;
	kind: 'USER' | 'IDENTITY';
}

/** A problem in a scenario file: where (a JSON path, and a line and column when known) and why. */
export interface ScenarioError {
	path: string;
	line?: number;
	column?: number;
	message: string;
}

export type ScenarioResult =
	{ ok: true; value: ScenarioSpec } | { ok: false; errors: ScenarioError[] };

export type { Fault };
