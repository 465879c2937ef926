/**
 * SYSTEM CONFIG records → logical statements.
 *
 * Handles the file's layout rules (z/VM CP Planning and Administration, as the seeds use
 * them): `/* ... *\/` comments that may span records, a trailing comma continuing a
 * statement on the next record (000 Example 4-1, `SSI ... PDR_VOLUME SSIAC2,`), and the
 * record qualifier `ITSOSSI1:` naming the member a statement applies to.
 */
import type { DiagnosticCollector } from './diagnostics';
import { splitLines, tokenize, type Position, type Token } from './tokens';

/** One logical statement, after comments and continuations are resolved. */
export interface ConfigStatement {
	/** The `sysname:` qualifier (without its colon), or null when the statement is unqualified. */
	qualifier: Token | null;
	/** The statement's words, keyword first. Never empty. */
	tokens: Token[];
}

function positionAt(text: string, index: number): Position {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < index; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: index - lineStart + 1 };
}

/**
 * Blanks out comments, keeping line breaks so that every word keeps its line and column.
 * An unterminated comment is an error at its opening and swallows the rest of the file.
 */
export function stripComments(text: string, diag: DiagnosticCollector): string {
	const parts: string[] = [];
	let i = 0;
	for (;;) {
		const open = text.indexOf('/*', i);
		if (open < 0) {
			parts.push(text.slice(i));
			break;
		}
		parts.push(text.slice(i, open));
		const close = text.indexOf('*/', open + 2);
		const end = close < 0 ? text.length : close + 2;
		parts.push(text.slice(open, end).replace(/[^\r\n]/g, ' '));
		if (close < 0) {
			const at = positionAt(text, open);
			diag.error(at.line, at.column, 'comment "/*" is never closed with "*/"');
			break;
		}
		i = end;
	}
	return parts.join('');
}

/** Splits `ITSOSSI1:ACTIVATE` or `ITSOSSI1:` into the qualifier and what follows it. */
function splitQualifier(token: Token): { qualifier: Token | null; rest: Token | null } {
	const colon = token.text.indexOf(':');
	if (colon <= 0) return { qualifier: null, rest: token };
	const name = token.text.slice(0, colon);
	const remainder = token.text.slice(colon + 1);
	const qualifier: Token = {
		text: name,
		upper: name.toUpperCase(),
		line: token.line,
		column: token.column
	};
	const rest: Token | null = remainder
		? {
				text: remainder,
				upper: remainder.toUpperCase(),
				line: token.line,
				column: token.column + colon + 1
			}
		: null;
	return { qualifier, rest };
}

interface Pending {
	qualifier: Token | null;
	tokens: Token[];
	continued: boolean;
	lastLine: number;
}

/** Turns SYSTEM CONFIG text into logical statements, reporting layout errors. */
export function lexSystemConfig(text: string, diag: DiagnosticCollector): ConfigStatement[] {
	const lines = splitLines(stripComments(text, diag));
	const statements: ConfigStatement[] = [];
	let cur: Pending | null = null;

	const dangling = (p: Pending): Token => p.qualifier as Token;

	for (let li = 0; li < lines.length; li++) {
		const record = lines[li] ?? '';
		const words = tokenize(record, li + 1, true);
		if (words.length === 0) continue; // blank or comment-only records never end a statement
		if (cur && !cur.continued && cur.tokens.length === 0) {
			// A qualifier alone on its record (the seeds' OCR splits `ITSOSSI1: BEGIN` that way).
			const q = dangling(cur);
			const first = words[0] as Token;
			if (splitQualifier(first).qualifier) {
				diag.error(q.line, q.column, `qualifier ${q.text}: is not followed by a statement`);
				cur = null;
			} else {
				diag.warn(
					q.line,
					q.column,
					`qualifier ${q.text}: is alone on its line; it applies to the statement on line ${li + 1}`
				);
			}
		}
		if (cur) {
			cur.tokens.push(...words);
		} else {
			const first = words[0] as Token;
			const { qualifier, rest } = splitQualifier(first);
			cur = {
				qualifier,
				tokens: rest ? [rest, ...words.slice(1)] : words.slice(1),
				continued: false,
				lastLine: li + 1
			};
			if (!qualifier) cur.tokens = words;
		}
		cur.continued = record.trimEnd().endsWith(',');
		cur.lastLine = li + 1;
		if (!cur.continued && cur.tokens.length > 0) {
			statements.push({ qualifier: cur.qualifier, tokens: cur.tokens });
			cur = null;
		}
	}
	if (cur) {
		if (cur.tokens.length === 0) {
			const q = dangling(cur);
			diag.error(q.line, q.column, `qualifier ${q.text}: is not followed by a statement`);
		} else {
			const last = cur.tokens[cur.tokens.length - 1] as Token;
			diag.error(
				last.line,
				last.column,
				`the statement ends with a comma on line ${cur.lastLine}, but nothing follows it`
			);
			statements.push({ qualifier: cur.qualifier, tokens: cur.tokens });
		}
	}
	return statements;
}
