/**
 * What the USER DIRECT statement handlers share: the entry being filled, and the virtual
 * devices it has defined so far (two statements defining one device is an error).
 */
import { quote, type DiagnosticCollector } from './diagnostics';
import type { DirectoryEntry, EntryBody } from './user-direct.types';
import { deviceValue, parseDevice, type Token, type TokenCursor } from './tokens';

/** Kind of entry a statement sits in. */
export type EntryContainer = 'USER' | 'IDENTITY' | 'PROFILE' | 'SUBCONFIG';

/** A virtual device range claimed by a statement, to catch two statements defining one device. */
export interface Claim {
	first: number;
	last: number;
	line: number;
	what: string;
}

/** What a body statement handler works with. */
export interface EntryContext {
	container: EntryContainer;
	/** User ID, profile or subconfig name. */
	name: string;
	body: EntryBody;
	/** The USER / IDENTITY entry, or null inside a PROFILE or SUBCONFIG. */
	entry: DirectoryEntry | null;
	diag: DiagnosticCollector;
	claims: Claim[];
	/** Line of the first statement after the entry header, for the INCLUDE-first rule. */
	firstStatementLine: number | null;
}

/** An empty entry body. */
export function emptyBody(): EntryBody {
	return {
		machine: null,
		cpus: [],
		options: { keywords: [], chpidVirtualizationOne: false, lines: [] },
		nicdefs: [],
		dedicates: [],
		mdisks: [],
		links: [],
		commands: [],
		ipl: null,
		vmrelocate: null,
		unitRecords: [],
		privClassStatement: null,
		others: []
	};
}

/** Access modes of MDISK and LINK (optionally with V for virtual reserve/release). */
export const MODE_RE = /^(R|RR|W|WR|M|MR|MW)V?$/;

/** Reads a virtual device number; reports what is wrong. */
export function needVdev(
	ctx: EntryContext,
	cur: TokenCursor,
	keyword: string,
	what = 'virtual device'
): { vdev: string; token: Token } | null {
	const t = cur.next();
	if (!t) {
		ctx.diag.error(cur.end.line, cur.end.column, `${keyword} needs a ${what} number`);
		return null;
	}
	const vdev = parseDevice(t.upper);
	if (vdev === null) {
		ctx.diag.error(
			t.line,
			t.column,
			`${what} ${quote(t.text)} is not a device number (1-4 hex digits)`
		);
		return null;
	}
	return { vdev, token: t };
}

/** Records that a statement defines virtual devices `vdev` … `vdev + count - 1`; reports overlaps. */
export function claim(
	ctx: EntryContext,
	at: Token,
	vdev: string,
	count: number,
	what: string
): void {
	const first = deviceValue(vdev);
	const last = first + count - 1;
	const clash = ctx.claims.find((c) => c.first <= last && first <= c.last);
	if (clash) {
		ctx.diag.error(
			at.line,
			at.column,
			`virtual device ${vdev} of this ${what} is already used by the ${clash.what} on line ${clash.line}`
		);
		return;
	}
	ctx.claims.push({ first, last, line: at.line, what });
}
