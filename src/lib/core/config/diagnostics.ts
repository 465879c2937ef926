/**
 * Diagnostics shared by the SYSTEM CONFIG and USER DIRECT parsers.
 *
 * Parsers never throw: everything they find wrong with the text becomes a
 * {@link Diagnostic} that names what is wrong and where, so the UI can show it
 * next to the offending word and the running simulation is not lost.
 */

/** One problem found in a text, at a 1-based line and column (a tab counts as one column). */
export interface Diagnostic {
	/** 1-based line of the offending word. */
	line: number;
	/** 1-based column of the offending word's first character. */
	column: number;
	/** What is wrong, in plain words, naming the offending text. */
	message: string;
}

/**
 * Outcome of a parse: the value with any warnings, or the errors (and warnings) that
 * prevented a trustworthy value.
 */
export type ParseResult<T> =
	| { ok: true; value: T; warnings: Diagnostic[] }
	| { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** Formats a diagnostic as `line 3, column 7: <reason>`. */
export function formatDiagnostic(d: Diagnostic): string {
	return `line ${d.line}, column ${d.column}: ${d.message}`;
}

/**
 * More diagnostics than this are summarised: a megabyte of junk would otherwise
 * produce tens of thousands of lines nobody reads.
 */
export const MAX_DIAGNOSTICS = 500;

/** Collects errors and warnings while a parser runs. */
export interface DiagnosticCollector {
	readonly errors: Diagnostic[];
	readonly warnings: Diagnostic[];
	/** How many errors and warnings were dropped beyond {@link MAX_DIAGNOSTICS}. */
	readonly dropped: { errors: number; warnings: number };
	/** Records an error at a line and column. */
	error(line: number, column: number, message: string): void;
	/** Records a warning at a line and column. */
	warn(line: number, column: number, message: string): void;
}

/** Creates an empty {@link DiagnosticCollector} that keeps at most {@link MAX_DIAGNOSTICS} of each kind. */
export function createCollector(): DiagnosticCollector {
	const errors: Diagnostic[] = [];
	const warnings: Diagnostic[] = [];
	const dropped = { errors: 0, warnings: 0 };
	return {
		errors,
		warnings,
		dropped,
		error(line, column, message) {
			if (errors.length < MAX_DIAGNOSTICS) errors.push({ line, column, message });
			else dropped.errors++;
		},
		warn(line, column, message) {
			if (warnings.length < MAX_DIAGNOSTICS) warnings.push({ line, column, message });
			else dropped.warnings++;
		}
	};
}

const byPosition = (a: Diagnostic, b: Diagnostic): number => a.line - b.line || a.column - b.column;

function sorted(list: Diagnostic[], dropped: number): Diagnostic[] {
	const out = [...list].sort(byPosition);
	const last = out[out.length - 1];
	if (dropped > 0 && last) {
		out.push({
			line: last.line,
			column: last.column,
			message: `${dropped} more problems not listed`
		});
	}
	return out;
}

/** Turns a collector and the value built alongside it into a {@link ParseResult}, sorted by position. */
export function finish<T>(diag: DiagnosticCollector, value: T): ParseResult<T> {
	const warnings = sorted(diag.warnings, diag.dropped.warnings);
	if (diag.errors.length > 0)
		return { ok: false, errors: sorted(diag.errors, diag.dropped.errors), warnings };
	return { ok: true, value, warnings };
}

/**
 * Quotes user text for a message: at most 24 characters, control characters shown as `?`,
 * so that binary junk or a megabyte-long word cannot flood a diagnostic.
 */
export function quote(text: string): string {
	const short = text.length > 24 ? `${text.slice(0, 23)}…` : text;
	let clean = '';
	for (const ch of short) {
		const c = ch.charCodeAt(0);
		clean += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : ch;
	}
	return `"${clean}"`;
}
