import { describe, expect, it } from 'vitest';
import { runReport, type RunReport } from '$lib/core/report';
import type { LogEntry } from '$lib/core/sim/events';
import {
	CSV_BOM,
	LOG_COLUMNS,
	PASS_COLUMNS,
	csvCell,
	logMember,
	logToCsv,
	runToCsv,
	toCsv,
	type CsvCell
} from '$lib/export/csv';
import { builtin, randomSource } from '../helpers';
import { parseCsv } from './read-csv';

/** A text cell with the formula guard undone, as csv.ts documents it. */
const shown = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('csvCell', () => {
	it.each<[CsvCell, string]>([
		['plain', 'plain'],
		['a, b', '"a, b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\rhere', '"cr\rhere"'],
		['', ''],
		[null, ''],
		[undefined, ''],
		[42, '42'],
		[-3.5, '-3.5'],
		[true, 'true'],
		[false, 'false']
	])('%j → %j', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});

	it.each([
		['=1+2', "'=1+2"],
		['+SUM(A1)', "'+SUM(A1)"],
		['-2+3', "'-2+3"],
		['@SUM(1)', "'@SUM(1)"],
		['\t=x', "'\t=x"],
		['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
		['\r=x', `"'\r=x"`],
		["'=x", "''=x"]
	])('guards the formula %j', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});

	it('leaves text that only contains formula characters, and numbers, alone', () => {
		expect(csvCell('a=b')).toBe('a=b');
		expect(csvCell('ITSOSSI1 @ 5')).toBe('ITSOSSI1 @ 5');
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell("'quoted")).toBe("'quoted");
	});
});

describe('toCsv', () => {
	it('writes a header and CRLF after every record', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[null, 'y,z']
				]
			)
		).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
	});

	it('parses back to the same cells, whatever they hold (fuzz)', () => {
		const rand = randomSource(4180);
		const chars = [
			'a',
			'Z',
			'0',
			' ',
			',',
			'"',
			'\r',
			'\n',
			'=',
			'+',
			'-',
			'@',
			'\t',
			"'",
			'é',
			'→'
		];
		for (let n = 0; n < 300; n++) {
			const width = 1 + Math.floor(rand() * 5);
			const cell = () =>
				Array.from(
					{ length: Math.floor(rand() * 8) },
					() => chars[Math.floor(rand() * chars.length)]
				).join('');
			const header = Array.from({ length: width }, cell);
			const rows = Array.from({ length: Math.floor(rand() * 4) }, () =>
				Array.from({ length: width }, cell)
			);
			const parsed = parseCsv(toCsv(header, rows));
			expect(parsed.map((r) => r.map(shown))).toEqual([header, ...rows]);
		}
	});
});

describe('runToCsv', () => {
	// 000 App. A.1.7: two passes, then MAXQUIESCE 3 is exceeded and the MOVE is cancelled.
	const report = runReport(builtin('a17-maxquiesce'));

	it('gives one row per memory pass', () => {
		const rows = parseCsv(runToCsv(report));
		expect(rows[0]).toEqual([...PASS_COLUMNS]);
		const r = report.relocations[0]!;
		expect(r.passes.length).toBeGreaterThan(1);
		expect(rows.slice(1)).toEqual(
			r.passes.map((p) => [
				'1',
				'LNXSU11',
				'ITSOSSI5',
				'ITSOSSI6',
				'cancelled',
				String(p.n),
				String(p.pages),
				String(p.startMs),
				String(p.endMs),
				String(p.quiesced)
			])
		);
		expect(rows[2]![8]).toBe('17371.335');
	});

	it('keeps a relocation without passes, its pass columns empty', () => {
		const r = report.relocations[0]!;
		const none: Pick<RunReport, 'relocations'> = {
			relocations: [{ ...r, id: 2, outcome: null, passes: [] }, r]
		};
		const rows = parseCsv(runToCsv(none));
		expect(rows[1]).toEqual(['2', 'LNXSU11', 'ITSOSSI5', 'ITSOSSI6', '', '', '', '', '', '']);
		expect(rows).toHaveLength(2 + r.passes.length);
	});

	it('is just the header for a run without relocations', () => {
		expect(runToCsv({ relocations: [] })).toBe(PASS_COLUMNS.join(',') + '\r\n');
	});
});

describe('logToCsv', () => {
	it('writes every log entry with its time, kind, member and text', () => {
		const { log } = runReport(builtin('a17-maxquiesce'));
		const rows = parseCsv(logToCsv(log));
		expect(rows[0]).toEqual([...LOG_COLUMNS]);
		expect(rows).toHaveLength(log.length + 1);
		const move = rows.find((r) => r[2] === 'command')!;
		expect(move[3]).toBe('ITSOSSI5');
		expect(move[4]).toContain('vmrelocate move lnxsu11 itsossi6 maxquiesce 3');
		expect(move[1]).toBe('0:05.000');
		expect(move[0]).toBe('5000');
		const end = rows.find((r) => r[2] === 'relocation.end')!;
		expect(end[3]).toBe('');
	});

	it('guards log text a scenario or a user controls', () => {
		// '@' is a legal character of a member name, so a member name can start a formula.
		const log: LogEntry[] = [
			{ t: 1, kind: 'member.state', member: '@SUM', from: 'Down', to: 'Joining', reason: 'IPL' },
			{ t: 2, kind: 'guest.console', user: 'LNX', on: 'A', text: '=cmd' }
		];
		const rows = parseCsv(logToCsv(log));
		expect(rows[1]![3]).toBe("'@SUM");
		expect(rows[1]![4]).toBe("'@SUM: Down → Joining (IPL)");
		expect(shown(rows[1]![4]!)).toBe('@SUM: Down → Joining (IPL)');
		expect(rows[2]![4]).toBe('LNX console on A: =cmd');
	});

	it('names the member of each kind of entry that has one', () => {
		const at = { t: 0 };
		expect(
			logMember({ ...at, kind: 'member.view', observer: 'A', peer: 'B', from: 'ok', to: 'unknown' })
		).toBe('A');
		expect(logMember({ ...at, kind: 'fault', fault: { kind: 'member.abend', member: 'B' } })).toBe(
			'B'
		);
		expect(
			logMember({ ...at, kind: 'fault', fault: { kind: 'link.sever', link: 'A-B' } })
		).toBeNull();
		expect(
			logMember({
				...at,
				kind: 'input.rejected',
				input: { kind: 'ipl', member: 'C' },
				reason: 'up'
			})
		).toBe('C');
		expect(logMember({ ...at, kind: 'cluster.mode', from: 'Stable', to: 'Safe' })).toBeNull();
	});

	it('offers a BOM for spreadsheets, outside the CSV text', () => {
		expect(CSV_BOM).toBe('\uFEFF');
		expect(logToCsv([]).startsWith(CSV_BOM)).toBe(false);
	});
});
