/**
 * JSON written for people: objects one key a line, short lists of plain values on one line
 * (`"between": ["ITSOSSI5", "ITSOSSI6"]`, as the built-in scenario files are written), keys in
 * the order the value has them. The same value always gives the same text. Pure TypeScript.
 */
import type { JsonValue } from './url-state';

/** Longest one-line list, in characters, before it is written one element a line. */
const INLINE_WIDTH = 72;

/** `value` as indented JSON text (no trailing newline). */
export function formatJson(value: JsonValue, indent = '\t'): string {
	const write = (v: JsonValue, pad: string): string => {
		if (v === null || typeof v !== 'object') return JSON.stringify(v);
		const inner = pad + indent;
		if (Array.isArray(v)) {
			if (v.length === 0) return '[]';
			if (v.every((x) => x === null || typeof x !== 'object')) {
				const line = `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
				if (line.length <= INLINE_WIDTH) return line;
			}
			return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${pad}]`;
		}
		const keys = Object.keys(v);
		if (keys.length === 0) return '{}';
		const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(v[k]!, inner)}`);
		return `{\n${lines.join(',\n')}\n${pad}}`;
	};
	return write(value, '');
}
