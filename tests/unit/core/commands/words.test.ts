import { describe, expect, it } from 'vitest';
import { kw, matches, words } from '$lib/core/commands/words';

describe('CP abbreviation rule: the upper-case part of a keyword is its minimum abbreviation', () => {
	it('kw takes the minimum from the spelling CP books print', () => {
		expect(kw('VMRELOcate')).toEqual({ name: 'VMRELOCATE', min: 6 });
		expect(kw('Query')).toEqual({ name: 'QUERY', min: 1 });
		expect(kw('RELODomain')).toEqual({ name: 'RELODOMAIN', min: 5 });
		expect(kw('DEFine')).toEqual({ name: 'DEFINE', min: 3 });
	});

	it('a keyword written all in capitals cannot be shortened (SHUTDOWN, AT, FORMSSI)', () => {
		expect(kw('SHUTDOWN')).toEqual({ name: 'SHUTDOWN', min: 8 });
		expect(matches('SHUTDOW', kw('SHUTDOWN'))).toBe(false);
		expect(matches('SHUTDOWN', kw('SHUTDOWN'))).toBe(true);
		expect(matches('A', kw('AT'))).toBe(false);
	});

	it('accepts every prefix from the minimum up to the full word', () => {
		const k = kw('VMRELOcate');
		for (const w of ['VMRELO', 'VMRELOC', 'VMRELOCA', 'VMRELOCAT', 'VMRELOCATE']) {
			expect(matches(w, k), w).toBe(true);
		}
	});

	it('rejects prefixes shorter than the minimum, longer words and other words', () => {
		const k = kw('VMRELOcate');
		expect(matches('VMREL', k)).toBe(false);
		expect(matches('VMRELOCATES', k)).toBe(false);
		expect(matches('VMRELX', k)).toBe(false);
		expect(matches('', kw('Query'))).toBe(false);
		expect(matches(undefined, kw('Query'))).toBe(false);
	});

	it('is not case-sensitive (000 types `q ssi`, 001 types `query lgrlin21 at all`)', () => {
		expect(matches('q', kw('Query'))).toBe(true);
		expect(matches('qUeRy', kw('Query'))).toBe(true);
		expect(matches('vmrelo', kw('VMRELOcate'))).toBe(true);
	});
});

describe('CP command lines are blank-delimited words, without quoting', () => {
	it('splits on runs of blanks and tabs and ignores leading and trailing blanks', () => {
		expect(words('  at  itsossi1\tcmd   shutdown reipl  ')).toEqual([
			'at',
			'itsossi1',
			'cmd',
			'shutdown',
			'reipl'
		]);
	});

	it('gives no words for an empty or blank line', () => {
		expect(words('')).toEqual([]);
		expect(words('   \t ')).toEqual([]);
	});

	it('does not treat quotes specially', () => {
		expect(words('msg "a b"')).toEqual(['msg', '"a', 'b"']);
	});
});
