/**
 * Where a value sits in JSON text: the line and column of each JSON path, in the path syntax
 * the scenario validator reports (`cluster.members[1].storage`, `guests[0]`, '' for the root).
 * An import error or a form's JSON box can then point at the line that is wrong, not only at
 * a path. Pure TypeScript.
 */

/** A 1-based line and column (a UTF-16 code unit counts as one column). */
export interface TextPosition {
	line: number;
	column: number;
}

/**
 * Offsets of every value in `text`, by JSON path. Text that is not valid JSON gives the paths
 * read before the error. Object members map to their key's offset (where a reader looks for
 * `"on": "X"`), array elements to their value's. Nesting deeper than `maxDepth` stops the walk:
 * callers reject such text before asking (url-state.ts `checkJsonShape`).
 */
export function jsonOffsets(text: string, maxDepth = 64): Map<string, number> {
	const out = new Map<string, number>();
	let i = 0;
	const n = text.length;
	const ws = () => {
		while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
			i++;
	};
	const str = (): string => {
		const start = i;
		i++;
		while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++;
		try {
			return JSON.parse(text.slice(start, i)) as string;
		} catch {
			return text.slice(start + 1, i - 1);
		}
	};
	const value = (path: string, depth: number): boolean => {
		ws();
		if (i >= n || depth > maxDepth) return false;
		if (!out.has(path)) out.set(path, i);
		const ch = text[i];
		if (ch === '{') {
			i++;
			ws();
			if (text[i] === '}') {
				i++;
				return true;
			}
			for (;;) {
				ws();
				if (text[i] !== '"') return false;
				const keyAt = i;
				const key = str();
				const sub = path === '' ? key : `${path}.${key}`;
				out.set(sub, keyAt);
				ws();
				if (text[i] !== ':') return false;
				i++;
				if (!value(sub, depth + 1)) return false;
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') {
					i++;
					return true;
				} else return false;
			}
		}
		if (ch === '[') {
			i++;
			ws();
			if (text[i] === ']') {
				i++;
				return true;
			}
			for (let k = 0; ; k++) {
				if (!value(`${path}[${k}]`, depth + 1)) return false;
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') {
					i++;
					return true;
				} else return false;
			}
		}
		if (ch === '"') {
			str();
			return true;
		}
		const start = i;
		while (i < n && /[-+0-9.eEa-z]/.test(text[i]!)) i++;
		return i > start;
	};
	value('', 0);
	return out;
}

/** The line and column of a character offset. */
export function positionOf(text: string, offset: number): TextPosition {
	let line = 1;
	let lineStart = 0;
	for (let k = 0; k < offset && k < text.length; k++) {
		if (text[k] === '\n') {
			line++;
			lineStart = k + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

/** The parent of a JSON path: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → ''. */
export function parentPath(path: string): string | null {
	if (path === '') return null;
	const m = /^(.*?)(\[\d+\]|\.[^.[\]]*)$/.exec(path);
	return m ? m[1]! : '';
}

/**
 * Where `path` is in `text`: the value itself, or, when the text lacks it (a required field
 * left out), its nearest ancestor that is there. Null when not even the root can be read.
 */
export function locatePath(
	text: string,
	path: string,
	offsets: Map<string, number> = jsonOffsets(text)
): TextPosition | null {
	for (let p: string | null = path; p !== null; p = parentPath(p)) {
		const at = offsets.get(p);
		if (at !== undefined) return positionOf(text, at);
	}
	return null;
}
