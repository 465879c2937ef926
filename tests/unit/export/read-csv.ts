// A strict CSV reader for the export tests.

/**
 * A strict RFC 4180 reader: records end with CRLF, fields are plain (no `"`, CR or LF) or
 * quoted with inner quotes doubled. Throws on anything else, so a test fails on bad output.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	for (;;) {
		let field = '';
		if (text[i] === '"') {
			for (i++; ; i++) {
				if (i >= text.length) throw new Error('unterminated quoted field');
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i++;
					} else {
						i++;
						break;
					}
				} else field += text[i];
			}
		} else {
			while (i < text.length && !',\r\n"'.includes(text[i]!)) field += text[i++];
			if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
		}
		row.push(field);
		if (text[i] === ',') {
			i++;
			continue;
		}
		if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
			if (i === text.length) return rows;
			continue;
		}
		throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i] ?? 'the end')}`);
	}
}
