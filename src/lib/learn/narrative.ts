/**
 * Lesson narrative text: inline `backticks` mark CP commands and message ids, rendered as code;
 * nothing else is markup (learn/lesson.ts).
 */

export interface TextPart {
	text: string;
	code: boolean;
}

/** `text` cut into plain and code parts; an unpaired backtick is kept as text. */
export function narrativeParts(text: string): TextPart[] {
	const parts: TextPart[] = [];
	const re = /`([^`]+)`/g;
	let at = 0;
	for (const m of text.matchAll(re)) {
		if (m.index > at) parts.push({ text: text.slice(at, m.index), code: false });
		parts.push({ text: m[1]!, code: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) parts.push({ text: text.slice(at), code: false });
	return parts;
}
