/**
 * Fuzz-style robustness: thousands of deterministic random inputs through both parsers. They
 * must never throw, and every diagnostic must have a real position and a message.
 */
import { randomSource } from '../../helpers';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ParseResult } from '../../../../src/lib/core/config/diagnostics';
import { parseDuration, parseSize } from '../../../../src/lib/core/config/sizes';
import {
	checkSsiNetworkRules,
	parseSystemConfig
} from '../../../../src/lib/core/config/system-config';
import { parseUserDirect, resolveEntry } from '../../../../src/lib/core/config/user-direct';
import { fixture, fixtureNames } from './fixture-loader';

const prng = randomSource;

const WORDS = [
	'USER',
	'IDENTITY',
	'PROFILE',
	'SUBCONFIG',
	'INCLUDE',
	'BUILD',
	'ON',
	'USING',
	'MDISK',
	'NICDEF',
	'TYPE',
	'QDIO',
	'LAN',
	'SYSTEM',
	'DEVICES',
	'DEDICATE',
	'LINK',
	'COMMAND',
	'DEFINE',
	'VFB-512',
	'AS',
	'BLK',
	'IPL',
	'PARM',
	'MACH',
	'MACHINE',
	'ESA',
	'XA',
	'Z',
	'CPU',
	'CPUID',
	'OPTION',
	'CHPIDV',
	'ONE',
	'VMRELOCATE',
	'DOMAIN',
	'DEVNO',
	'V-DISK',
	'T-DISK',
	'AUTOV',
	'FB-512',
	'3390',
	'END',
	'MR',
	'RR',
	'SSI',
	'PDR_VOLUME',
	'SLOT',
	'AVAILABLE',
	'System_Identifier',
	'LPAR',
	'RELOCATION_DOMAIN',
	'MEMBERS',
	'ACTIVATE',
	'ISLINK',
	'NODE',
	'VMLAN',
	'MACPREFIX',
	'USERPREFIX',
	'MACIDRANGE',
	'RDEVICE',
	'EQID',
	'OSA',
	'VSWITCH',
	'RDEV',
	'MODIFY',
	'GRANT',
	'CP_OWNED',
	'BEGIN',
	'ITSOSSI1:',
	'ITSOSSI2:',
	'A:',
	':',
	',',
	'/*',
	'*/',
	'*',
	'6G',
	'16G',
	'6Q',
	'512',
	'0',
	'1',
	'4A60-4A63',
	'FFFF',
	'12345',
	'021111',
	'02AAAA',
	'G',
	'-',
	'.',
	'\t',
	'\n',
	'\r\n',
	' ',
	'  ',
	'\u0000',
	'é',
	'\uD800',
	'𝔘'
];

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)] as T;
}

/** Random sequences of directory and config words, separators and junk. */
function wordSoup(r: () => number): string {
	const n = Math.floor(r() * 60);
	const out: string[] = [];
	for (let i = 0; i < n; i++)
		out.push(pick(r, WORDS), r() < 0.5 ? ' ' : pick(r, [' ', '\n', ',\n', '\t']));
	return out.join('');
}

/** Random code units, including control characters and lone surrogates. */
function binaryJunk(r: () => number): string {
	const n = Math.floor(r() * 400);
	let s = '';
	for (let i = 0; i < n; i++)
		s += String.fromCharCode(r() < 0.8 ? Math.floor(r() * 256) : Math.floor(r() * 65536));
	return s;
}

const SEEDS = [...fixtureNames('.direct'), ...fixtureNames('.config')].map(fixture);

/** A seed fixture with random lines dropped, duplicated or cut, and characters changed. */
function mutated(r: () => number): string {
	const lines = pick(r, SEEDS).split('\n');
	const out: string[] = [];
	for (const line of lines) {
		const x = r();
		if (x < 0.1) continue;
		if (x < 0.2) out.push(line, line);
		else if (x < 0.3) out.push(line.slice(0, Math.floor(r() * line.length)));
		else if (x < 0.4) {
			const i = Math.floor(r() * (line.length + 1));
			out.push(line.slice(0, i) + pick(r, WORDS) + line.slice(i));
		} else out.push(line);
	}
	return out.join(pick(r, ['\n', '\r\n', '\r']));
}

function checkDiagnostics(list: Diagnostic[]): void {
	for (const d of list) {
		if (!(
			Number.isInteger(d.line) &&
			d.line >= 1 &&
			Number.isInteger(d.column) &&
			d.column >= 1 &&
			d.message.length > 0
		)) {
			throw new Error(`bad diagnostic ${JSON.stringify(d)}`);
		}
		if (d.message.startsWith('internal parser error')) throw new Error(d.message);
	}
}

function checkResult<T>(r: ParseResult<T>): void {
	checkDiagnostics(r.warnings);
	if (!r.ok) checkDiagnostics(r.errors);
}

/** Runs everything over one input; throws (failing the test) on any exception or bad diagnostic. */
function exercise(text: string): void {
	const c = parseSystemConfig(text);
	checkResult(c);
	if (c.ok) checkDiagnostics(checkSsiNetworkRules(c.value, []));
	const d = parseUserDirect(text);
	checkResult(d);
	if (d.ok) for (const e of d.value.entries) resolveEntry(d.value, e.userid, 'ITSOSSI1');
	for (const word of text.split(/\s+/).slice(0, 20)) {
		parseSize(word);
		parseDuration(word);
	}
}

describe('the parsers never throw', () => {
	it.each([
		['word soup', wordSoup, 1500],
		['binary junk', binaryJunk, 800],
		['mutated seed examples', mutated, 1200]
	] as const)('on %s (%d deterministic inputs)', (_kind, generate, count) => {
		const r = prng(0x5eed + count);
		for (let i = 0; i < count; i++) {
			const text = generate(r);
			try {
				exercise(text);
			} catch (e) {
				throw new Error(`input ${i} ${JSON.stringify(text.slice(0, 300))}: ${String(e)}`);
			}
		}
	});

	it('on an unterminated comment, an empty text and a lone qualifier', () => {
		for (const text of [
			'/*',
			'/* SSI A PDR_VOLUME V SLOT 1 A',
			'',
			'\n\n',
			'A:',
			':',
			'*/',
			'USER',
			'SUBCONFIG',
			','
		])
			exercise(text);
		const r = parseSystemConfig('SSI C PDR_VOLUME V SLOT 1 A\n/* not closed\nSLOT 2 B');
		expect(r.ok).toBe(false);
	});

	it('on a megabyte of text, in one pass', () => {
		const r = prng(42);
		const parts: string[] = [];
		let size = 0;
		while (size < 1_000_000) {
			const piece = r() < 0.5 ? pick(r, SEEDS) : wordSoup(r);
			parts.push(piece);
			size += piece.length;
		}
		const big = parts.join('\n');
		exercise(big);
		exercise(`USER A PW 1G 1G\nCOMMAND ${'X'.repeat(1_000_000)}`);
		exercise(`SSI ${'A,\n'.repeat(200_000)}`);
		const d = parseUserDirect(big);
		expect(d.ok).toBe(false);
		// Errors are capped (500 and a summary), not one per junk line.
		if (!d.ok) expect(d.errors.length).toBeLessThanOrEqual(501);
	});
});
