/**
 * Parser for the USER DIRECT subset the seeds use (000 Examples 4-5 … 4-9, 5-3, 5-11, 5-12,
 * 5-16, A-1 … A-27, B-1 … B-9).
 *
 * Layout: one statement per record; `*` starts a comment record (including DIRMAINT's
 * `*DVHOPT`); columns 73-80 hold an optional sequence number, which is ignored (000 Example
 * A-12 shows `11071537` there). An entry runs from its USER, IDENTITY, PROFILE or SUBCONFIG
 * statement to the next one (a comment such as `* end of SUBCONFIG` does not end it). Body
 * statements are handled by `user-direct-statements.ts` and `user-direct-devices.ts`;
 * {@link resolveEntry} merges an entry with its PROFILE and SUBCONFIG.
 */
import {
	createCollector,
	finish,
	quote,
	type DiagnosticCollector,
	type ParseResult
} from './diagnostics';
import { parseSize } from './sizes';
import { isName, splitLines, tokenize, type Token } from './tokens';
import { emptyBody, type EntryContext } from './user-direct-context';
import { parseBodyStatement } from './user-direct-statements';
import type {
	Directory,
	DirectoryEntry,
	EntryKind,
	ParseUserDirectOptions
} from './user-direct.types';

export type * from './user-direct.types';
export { resolveEntry } from './resolve-entry';

/**
 * Drops a sequence number in columns 73-80: a single word starting after a blank at
 * column 72 or before. Longer text past column 72 is kept, since it is not a sequence field.
 */
function stripSequence(record: string): string {
	if (record.length <= 72) return record;
	const head = record.slice(0, 72);
	return /^\S{1,8}\s*$/.test(record.slice(72)) && /\s$/.test(head) ? head : record;
}

interface ParserState {
	directory: Directory;
	diag: DiagnosticCollector;
	ctx: EntryContext | null;
	names: {
		entries: Map<string, number>;
		profiles: Map<string, number>;
		subconfigs: Map<string, number>;
	};
}

/** Parses `USER userid password storage maxstorage privclasses` (or IDENTITY). */
function openUser(st: ParserState, kind: EntryKind, tokens: Token[]): EntryContext {
	const { diag } = st;
	const kw = tokens[0] as Token;
	const [, id, pw, stor, maxStor, privs, ...extra] = tokens;
	const entry: DirectoryEntry = {
		...emptyBody(),
		kind,
		userid: id?.upper ?? '?',
		password: pw?.text ?? null,
		storage: null,
		maxStorage: null,
		privClasses: null,
		line: kw.line,
		column: kw.column,
		includes: [],
		builds: []
	};
	const ctx: EntryContext = {
		container: kind,
		name: entry.userid,
		body: entry,
		entry,
		diag,
		claims: [],
		firstStatementLine: null
	};
	if (!id || !isName(id.upper)) {
		const at = id ?? { line: kw.line, column: kw.column + kw.text.length };
		diag.error(
			at.line,
			at.column,
			`${kind} needs a user ID of 1-8 letters, digits or @ # $ _ -, found ${id ? quote(id.text) : 'nothing'}`
		);
		return ctx; // statements that follow still get checked, but the entry is not kept
	}
	if (!pw)
		diag.warn(
			kw.line,
			kw.column,
			`${kind} ${id.upper} has no password (accepted for a DIRMAINT prototype, 000 Example B-5)`
		);
	if (stor) {
		const r = parseSize(stor.text);
		if (!r.ok) diag.error(stor.line, stor.column, `storage ${r.reason}`);
		else if (r.bytes === 0) diag.error(stor.line, stor.column, 'storage must be more than 0');
		else entry.storage = r.bytes;
	}
	if (maxStor) {
		const r = parseSize(maxStor.text);
		if (!r.ok) diag.error(maxStor.line, maxStor.column, `maximum storage ${r.reason}`);
		else entry.maxStorage = r.bytes;
	}
	if (
		stor &&
		maxStor &&
		entry.storage !== null &&
		entry.maxStorage !== null &&
		entry.storage > entry.maxStorage
	) {
		diag.error(
			stor.line,
			stor.column,
			`storage ${stor.upper} is more than the maximum storage ${maxStor.upper}`
		);
	}
	if (privs) {
		if (/^[A-Z1-6]{1,32}$/.test(privs.upper)) entry.privClasses = privs.upper;
		else
			diag.error(
				privs.line,
				privs.column,
				`privilege classes ${quote(privs.text)} must be letters A-Z or digits 1-6`
			);
	}
	const more = extra[0];
	if (more)
		diag.warn(more.line, more.column, `${quote(more.text)} after the privilege classes is ignored`);
	const first = st.names.entries.get(id.upper);
	if (first !== undefined) {
		diag.error(id.line, id.column, `user ID ${id.upper} is already defined on line ${first}`);
		return ctx;
	}
	st.names.entries.set(id.upper, kw.line);
	st.directory.entries.push(entry);
	return ctx;
}

/** Parses `PROFILE name` or `SUBCONFIG name`. */
function openNamed(
	st: ParserState,
	container: 'PROFILE' | 'SUBCONFIG',
	tokens: Token[]
): EntryContext {
	const { diag } = st;
	const kw = tokens[0] as Token;
	const name = tokens[1];
	const body = { ...emptyBody(), name: name?.upper ?? '?', line: kw.line, column: kw.column };
	const ctx: EntryContext = {
		container,
		name: body.name,
		body,
		entry: null,
		diag,
		claims: [],
		firstStatementLine: null
	};
	if (!name || !isName(name.upper)) {
		const at = name ?? { line: kw.line, column: kw.column + kw.text.length };
		diag.error(
			at.line,
			at.column,
			`${container} needs a name of 1-8 letters, digits or @ # $ _ -, found ${name ? quote(name.text) : 'nothing'}`
		);
		return ctx;
	}
	const extra = tokens[2];
	if (extra)
		diag.warn(
			extra.line,
			extra.column,
			`${quote(extra.text)} after the ${container} name is ignored`
		);
	const names = container === 'PROFILE' ? st.names.profiles : st.names.subconfigs;
	const first = names.get(name.upper);
	if (first !== undefined) {
		diag.error(
			name.line,
			name.column,
			`${container} ${name.upper} is already defined on line ${first}`
		);
		return ctx;
	}
	names.set(name.upper, kw.line);
	if (container === 'PROFILE') st.directory.profiles.push(body);
	else st.directory.subconfigs.push(body);
	return ctx;
}

/** Checks an entry once all its statements are read. */
function closeEntry(ctx: EntryContext | null): void {
	if (!ctx) return;
	const { body, diag } = ctx;
	for (const nic of body.nicdefs) {
		if (nic.type === null)
			diag.warn(nic.line, nic.column, `NICDEF ${nic.vdev} has no TYPE (QDIO, HIPERSOCKETS, ...)`);
	}
	const max = body.machine?.maxCpus;
	if (max && body.cpus.length > max) {
		const cpu = body.cpus[max];
		if (cpu)
			diag.warn(
				cpu.line,
				cpu.column,
				`${ctx.name} defines ${body.cpus.length} CPUs but MACHINE allows ${max}`
			);
	}
	if (ctx.entry?.kind === 'IDENTITY' && ctx.entry.builds.length === 0) {
		diag.warn(
			ctx.entry.line,
			ctx.entry.column,
			`IDENTITY ${ctx.name} has no BUILD statements, so no member has a SUBCONFIG for it yet (000 Example B-3)`
		);
	}
}

/** Cross-entry checks: INCLUDE and BUILD references, unused SUBCONFIGs (000 App. B.2). */
function checkReferences(st: ParserState, options: ParseUserDirectOptions): void {
	const { directory, diag } = st;
	const external = new Set((options.externalProfiles ?? []).map((p) => p.toUpperCase()));
	const usedBy = new Map<string, string>();
	for (const e of directory.entries) {
		for (const inc of e.includes) {
			if (!st.names.profiles.has(inc.profile) && !external.has(inc.profile)) {
				diag.error(
					inc.line,
					inc.column,
					`INCLUDE ${inc.profile} in ${e.userid}: no PROFILE ${inc.profile} is defined`
				);
			}
		}
		for (const b of e.builds) {
			const other = usedBy.get(b.subconfig);
			if (!st.names.subconfigs.has(b.subconfig)) {
				diag.error(
					b.line,
					b.column,
					`BUILD ON ${b.member} in ${e.userid}: no SUBCONFIG ${b.subconfig} is defined`
				);
			} else if (other) {
				diag.error(
					b.line,
					b.column,
					`SUBCONFIG ${b.subconfig} is already used by ${other}; each SUBCONFIG belongs to one IDENTITY and member`
				);
			}
			usedBy.set(b.subconfig, `${e.userid} on ${b.member}`);
		}
	}
	for (const s of directory.subconfigs) {
		if (!usedBy.has(s.name))
			diag.warn(s.line, s.column, `SUBCONFIG ${s.name} is not used by any BUILD statement`);
	}
}

function parseInto(text: string, st: ParserState, options: ParseUserDirectOptions): void {
	const lines = splitLines(text);
	for (let li = 0; li < lines.length; li++) {
		const record = stripSequence(lines[li] ?? '');
		const tokens = tokenize(record, li + 1, false);
		const kw = tokens[0];
		if (!kw || kw.text.startsWith('*')) continue; // blank or comment record
		switch (kw.upper) {
			case 'USER':
			case 'IDENTITY':
				closeEntry(st.ctx);
				st.ctx = openUser(st, kw.upper, tokens);
				continue;
			case 'PROFILE':
			case 'SUBCONFIG':
				closeEntry(st.ctx);
				st.ctx = openNamed(st, kw.upper, tokens);
				continue;
			case 'DIRECTORY':
				if (st.ctx || st.directory.entries.length > 0) {
					st.diag.error(
						kw.line,
						kw.column,
						'DIRECTORY statements must come before the first entry'
					);
				} else
					st.directory.directoryStatements.push({
						line: kw.line,
						column: kw.column,
						operands: tokens.slice(1).map((t) => t.text)
					});
				continue;
		}
		if (!st.ctx) {
			st.diag.error(
				kw.line,
				kw.column,
				`${quote(kw.text)} is outside any USER, IDENTITY, PROFILE or SUBCONFIG entry`
			);
			continue;
		}
		st.ctx.firstStatementLine ??= kw.line;
		parseBodyStatement(st.ctx, tokens, record);
	}
	closeEntry(st.ctx);
	checkReferences(st, options);
}

/**
 * Parses USER DIRECT text. Never throws: every problem is a diagnostic with line, column and
 * a reason naming the offending text. Unknown statements inside an entry are kept (in
 * `others`) with a warning.
 */
export function parseUserDirect(
	text: string,
	options: ParseUserDirectOptions = {}
): ParseResult<Directory> {
	const diag = createCollector();
	const directory: Directory = {
		entries: [],
		profiles: [],
		subconfigs: [],
		directoryStatements: []
	};
	const st: ParserState = {
		directory,
		diag,
		ctx: null,
		names: { entries: new Map(), profiles: new Map(), subconfigs: new Map() }
	};
	try {
		parseInto(typeof text === 'string' ? text : String(text), st, options ?? {});
	} catch (e) {
		// A parser bug must not take the lab down with it; report it like any other error.
		diag.error(1, 1, `internal parser error: ${e instanceof Error ? e.message : String(e)}`);
	}
	return finish(diag, directory);
}
