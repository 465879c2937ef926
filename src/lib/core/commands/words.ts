/**
 * CP command-line words and z/VM abbreviation rules: a keyword may be shortened to any prefix
 * at least as long as its minimum abbreviation (the upper-case part of `QUERY` → `Q`,
 * `VMRELOcate` → `VMRELO`), and CP is not case-sensitive.
 */

/** A keyword and its minimum abbreviation length. */
export interface Keyword {
	name: string;
	min: number;
}

/** `kw('VMRELOcate')`: the upper-case prefix is the minimum abbreviation, as CP's books print it. */
export function kw(spelled: string): Keyword {
	const min = spelled.search(/[a-z]/);
	return { name: spelled.toUpperCase(), min: min === -1 ? spelled.length : min };
}

/** Whether a typed word is an acceptable abbreviation of the keyword. */
export function matches(word: string | undefined, k: Keyword): boolean {
	if (word === undefined) return false;
	const w = word.toUpperCase();
	return w.length >= k.min && w.length <= k.name.length && k.name.startsWith(w);
}

/** Splits a command line into blank-delimited words (CP has no quoting). */
export function words(line: string): string[] {
	return line
		.trim()
		.split(/\s+/)
		.filter((w) => w.length > 0);
}
