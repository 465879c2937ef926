/**
 * Words, names and device numbers shared by the SYSTEM CONFIG and USER DIRECT parsers.
 */

/** A word of a record with where it starts (1-based line and column; a tab is one column). */
export interface Token {
	/** The word as written. */
	text: string;
	/** The word upper-cased: z/VM keywords and names are case-insensitive. */
	upper: string;
	line: number;
	column: number;
}

/** A 1-based position in the text. */
export interface Position {
	line: number;
	column: number;
}

/** True for characters that separate words: blanks and control characters (binary junk). */
function isBlank(code: number): boolean {
	return code <= 0x20 || code === 0x7f || code === 0xa0;
}

/**
 * Splits one record into words. SYSTEM CONFIG also separates operands with commas
 * (`SLOT 1 ITSOSSI1,`), the directory does not (`FB-512` and passwords may hold anything).
 */
export function tokenize(text: string, line: number, commaSeparates: boolean): Token[] {
	const tokens: Token[] = [];
	const n = text.length;
	let i = 0;
	const sep = (c: number): boolean => isBlank(c) || (commaSeparates && c === 0x2c);
	while (i < n) {
		if (sep(text.charCodeAt(i))) {
			i++;
			continue;
		}
		const start = i;
		while (i < n && !sep(text.charCodeAt(i))) i++;
		const word = text.slice(start, i);
		tokens.push({ text: word, upper: word.toUpperCase(), line, column: start + 1 });
	}
	return tokens;
}

/** The position just after a token, where a missing operand would have been. */
export function after(token: Position & { text: string }): Position {
	return { line: token.line, column: token.column + token.text.length };
}

/** Splits text into lines on CR LF, CR or LF. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

const NAME_RE = /^[A-Z0-9@#$_-]+$/;

/**
 * True for a z/VM name of 1 to `max` characters: letters, digits and `@ # $ _ -`
 * (user IDs such as `$ALLOC$`, member names such as `ITSOSSI1`, subconfigs such as `SRI-1`).
 */
export function isName(upper: string, max = 8): boolean {
	return upper.length >= 1 && upper.length <= max && NAME_RE.test(upper);
}

/** True for 1 to `max` hexadecimal digits. */
export function isHex(upper: string, max: number): boolean {
	return upper.length >= 1 && upper.length <= max && /^[0-9A-F]+$/.test(upper);
}

/**
 * A device number (virtual or real): 1-4 hexadecimal digits, normalised to four upper-case
 * digits (`191` → `0191`), or null.
 */
export function parseDevice(upper: string): string | null {
	return isHex(upper, 4) ? upper.padStart(4, '0') : null;
}

/** Numeric value of a normalised device number. */
export function deviceValue(device: string): number {
	return parseInt(device, 16);
}

/** A device number or an inclusive range of them (`4A60-4A63`). */
export interface DeviceRange {
	/** First device, four upper-case hex digits. */
	first: string;
	/** Last device (equal to `first` for a single device). */
	last: string;
	/** Number of devices in the range. */
	count: number;
}

/** Parses `4A60` or `4A60-4A63`; returns a reason when the text is not a device range. */
export function parseDeviceRange(upper: string): DeviceRange | string {
	const dash = upper.indexOf('-');
	const firstText = dash < 0 ? upper : upper.slice(0, dash);
	const lastText = dash < 0 ? upper : upper.slice(dash + 1);
	const first = parseDevice(firstText);
	const last = parseDevice(lastText);
	if (first === null || last === null)
		return 'is not a device number (1-4 hex digits) or range (4A60-4A63)';
	const count = deviceValue(last) - deviceValue(first) + 1;
	if (count < 1) return 'is a range whose end comes before its start';
	return { first, last, count };
}

/** True for a volume serial: 1-6 letters, digits or `@ # $` (`SSIAC2`, `LX9B25`). */
export function isVolid(upper: string): boolean {
	return upper.length >= 1 && upper.length <= 6 && /^[A-Z0-9@#$]+$/.test(upper);
}

/** A decimal whole number of at most 9 digits, or null (keeps arithmetic exact). */
export function parseDecimal(upper: string): number | null {
	return /^\d{1,9}$/.test(upper) ? Number(upper) : null;
}

/** Walks the words of one statement, remembering where the statement ends. */
export class TokenCursor {
	private index = 0;
	constructor(
		readonly tokens: readonly Token[],
		/** Where an operand missing at the end of the statement would have been. */
		readonly end: Position
	) {}
	/** The next word, without consuming it. */
	peek(): Token | undefined {
		return this.tokens[this.index];
	}
	/** Consumes and returns the next word. */
	next(): Token | undefined {
		const t = this.tokens[this.index];
		if (t) this.index++;
		return t;
	}
	/** Consumes the next word if it is `upper`. */
	accept(upper: string): Token | undefined {
		const t = this.tokens[this.index];
		if (t && t.upper === upper) {
			this.index++;
			return t;
		}
		return undefined;
	}
	/** True when every word has been consumed. */
	get done(): boolean {
		return this.index >= this.tokens.length;
	}
	/** The position of the next word, or the end of the statement. */
	get here(): Position {
		const t = this.tokens[this.index];
		return t ? { line: t.line, column: t.column } : this.end;
	}
	/** Consumes and returns every remaining word. */
	rest(): Token[] {
		const r = this.tokens.slice(this.index);
		this.index = this.tokens.length;
		return r;
	}
}

/** The end position of a list of words (just after the last), or `fallback` when empty. */
export function endOf(tokens: readonly Token[], fallback: Position): Position {
	const last = tokens[tokens.length - 1];
	return last ? after(last) : fallback;
}
