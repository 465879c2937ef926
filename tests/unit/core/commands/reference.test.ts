/**
 * The command reference (`core/commands/reference.ts`, the page `/docs/commands`) against the
 * parser: the same commands in both, every abbreviation it shows accepted and the next-shorter
 * one refused, every option keyword likewise, and every example running on its scenario.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_KEYWORDS } from '$lib/core/commands/interpreter';
import {
	COMMAND_REFERENCE,
	commandTitle,
	keywordsOf,
	minimumForm,
	syntaxLine,
	type BeforeStep
} from '$lib/core/commands/reference';
import { kw, matches } from '$lib/core/commands/words';
import type { Simulation } from '$lib/core/simulation';
import { boot, cmd } from './helpers';

/** Runs the steps, then `text`; returns its rc and every console line it wrote (SEND's guest output too). */
function run(
	scenario: string,
	on: string,
	text: string,
	before: readonly BeforeStep[] = []
): { rc: number; out: string } {
	const sim: Simulation = boot(scenario);
	for (const b of before) {
		if (typeof b === 'string') cmd(sim, on, b);
		else sim.runUntil(sim.state.now + b.waitS * 1000);
	}
	const from = sim.state.console.length;
	const r = cmd(sim, on, text);
	const out = sim.state.console
		.slice(from)
		.filter((l) => l.kind === 'output')
		.map((l) => l.text)
		.filter((t) => !/^Ready[;(]/.test(t))
		.join('\n');
	return { rc: r.rc, out };
}

const UNKNOWN = /HCPCMD001E|HCPCMD003E|HCPCMD026E/;

describe('the reference lists exactly the commands the parser knows', () => {
	const parserPaths = COMMAND_KEYWORDS.flatMap((c) =>
		c.subcommands.length === 0
			? [c.keyword.name]
			: c.subcommands.map((s) => `${c.keyword.name} ${s.name}`)
	).sort();
	const keywordEntries = COMMAND_REFERENCE.filter((c) => c.operandForm === undefined);

	it('every command and subcommand of the parser is in the reference, and nothing else', () => {
		expect(keywordEntries.map((c) => c.words.join(' ')).sort()).toEqual(parserPaths);
	});

	it("QUERY's two forms without a subcommand word (rdev, userid) are there too", () => {
		expect(COMMAND_REFERENCE.filter((c) => c.operandForm).map(commandTitle)).toEqual([
			'QUERY rdev',
			'QUERY userid'
		]);
	});

	it('anchors are unique and every entry has a syntax line, a purpose and an example', () => {
		expect(new Set(COMMAND_REFERENCE.map((c) => c.id)).size).toBe(COMMAND_REFERENCE.length);
		for (const c of COMMAND_REFERENCE) {
			expect(c.id).toMatch(/^[a-z0-9-]+$/);
			expect(syntaxLine(c).startsWith(keywordsOf(c.words)[0]!.name.slice(0, 1))).toBe(true);
			expect(c.purpose.length, c.id).toBeGreaterThan(20);
			expect(c.example.text.length, c.id).toBeGreaterThan(0);
		}
	});
});

describe('every command abbreviation shown is accepted, the next-shorter one is not', () => {
	for (const c of COMMAND_REFERENCE.filter((x) => x.operandForm === undefined)) {
		const min = minimumForm(c);
		it(`${c.words.join(' ')}: ${min}`, () => {
			const words = min.split(' ');
			const accepted = run('itsossia', 'ITSOSSI1', min);
			// A command with its operands missing answers 026E; the word itself is known.
			expect(accepted.out, min).not.toMatch(/HCPCMD001E|HCPCMD003E/);
			const ks = keywordsOf(c.words);
			const last = ks.at(-1)!;
			if (last.min <= 1) return;
			const shorter = last.name.slice(0, last.min - 1);
			expect(matches(shorter, last)).toBe(false);
			const line = [...words.slice(0, -1), shorter].join(' ');
			const refused = run('itsossia', 'ITSOSSI1', line);
			if (ks.length === 1) {
				const other = COMMAND_KEYWORDS.find((k) => matches(shorter, k.keyword));
				if (other === undefined) expect(refused.out, line).toMatch(/^HCPCMD001E/);
			} else if (c.words[0] === 'QUERY') {
				// QUERY reads an unknown word as a device number or a user ID.
				expect(refused.out, line).not.toBe(accepted.out);
			} else {
				expect(refused.out, line).toBe(`HCPCMD003E Invalid option - ${shorter}`);
			}
		});
	}
});

/** Where each option keyword of the reference is tried: `{}` is the keyword. */
interface Probe {
	scenario: string;
	on: string;
	line: string;
	before?: BeforeStep[];
}

const lab = (line: string): Probe => ({ scenario: 'itsossia', on: 'ITSOSSI1', line });
const osa = (line: string, before: BeforeStep[] = []): Probe => ({
	scenario: 'a15-dedicate',
	on: 'ITSOSSI4',
	line,
	before
});
const gdlMove = 'vmrelocate move lgrlin21 gdllcpx3 async';

const PROBES: Record<string, Probe> = {
	'shutdown:REIPL': lab('shutdown {}'),
	'set-ssi:SLOT': { scenario: 'itsossib', on: 'ITSOSSI5', line: 'set ssi {} 2 itsossi6' },
	'query-relodomain:MEMber': lab('q relodomain {} itsossi1'),
	'define-relodomain:MEMbers': lab('define relodomain doma {} itsossi1'),
	'set-vmrelocate:DOMain': lab('set vmrelocate itsolnx1 {} dmnz10'),
	'vmrelocate-test:FORCE': lab('vmrelocate test itsolnx1 itsossi2 {} storage'),
	'vmrelocate-test:ARCHitecture': lab('vmrelocate test itsolnx1 itsossi2 force {}'),
	'vmrelocate-test:DOMain': lab('vmrelocate test itsolnx1 itsossi2 force {}'),
	'vmrelocate-test:STORage': lab('vmrelocate test itsolnx1 itsossi2 force {}'),
	'vmrelocate-move:SYNChronous': lab('vmrelocate move itsolnx1 itsossi2 {}'),
	'vmrelocate-move:ASYNChronous': lab('vmrelocate move itsolnx1 itsossi2 {}'),
	'vmrelocate-move:IMMediate': lab('vmrelocate move itsolnx1 itsossi2 {}'),
	'vmrelocate-move:MAXTotal': lab('vmrelocate move itsolnx1 itsossi2 {} 10'),
	'vmrelocate-move:MAXQuiesce': lab('vmrelocate move itsolnx1 itsossi2 {} 10'),
	'vmrelocate-move:NOLIMit': lab('vmrelocate move itsolnx1 itsossi2 maxtotal {}'),
	'vmrelocate-move:FORCE': lab('vmrelocate move itsolnx1 itsossi2 {} storage'),
	'vmrelocate-move:ARCHitecture': lab('vmrelocate move itsolnx1 itsossi2 force {}'),
	'vmrelocate-move:DOMain': lab('vmrelocate move itsolnx1 itsossi2 force {}'),
	'vmrelocate-move:STORage': lab('vmrelocate move itsolnx1 itsossi2 force {}'),
	'vmrelocate-status:DETails': {
		scenario: 'gdl',
		on: 'GDLMCPX4',
		line: 'vmrelocate status lgrlin21 {}',
		before: [gdlMove]
	},
	'query-rdev:ID': { scenario: 'a11-devno', on: 'ITSOSSI4', line: 'q 9a26 {}' },
	'query-osa:ACTive': osa('q osa {}'),
	'query-osa:ALL': osa('q osa {}'),
	'query-osa:FREe': osa('q osa {}'),
	'query-osa:OFFline': osa('q osa {}'),
	'query-osa:SYStem': osa('q osa {}'),
	'query-alloc:PAGE': { scenario: 'a18-paging', on: 'ITSOSSI6', line: 'q alloc {}' },
	'attach:AS': osa('attach 2126 to tcpip {} 0700', ['signal shutdown itsolnx2', { waitS: 10 }]),
	'vary:ONline': osa('vary {} 2126'),
	'vary:OFFline': osa('vary {} 2126', ['signal shutdown itsolnx2', { waitS: 10 }]),
	'set-rdevice:EQid': osa('set rdev 2126 {} osa1set1 type osa'),
	'set-rdevice:NOEQid': osa('set rdev 2126 {} type osa'),
	'set-rdevice:TYPE': osa('set rdev 2126 noeqid {} osa'),
	'set-rdevice:OSA': osa('set rdev 2126 noeqid type {}'),
	'set-rdevice:HIPERsockets': osa('set rdev 2126 noeqid type {}'),
	'set-rdevice:FCP': osa('set rdev 2126 noeqid type {}'),
	'set-rdevice:CTCA': osa('set rdev 2126 noeqid type {}'),
	'define-vfb-512:AS': lab('send cp itsolnx1 define vfb-512 {} 0111 blk 128000'),
	'define-vfb-512:BLK': lab('send cp itsolnx1 define vfb-512 as 0111 {} 128000'),
	'query-users:AT': lab('q user itsolnx3 {} all'),
	'query-userid:AT': lab('q itsolnx3 {} all'),
	'signal-shutdown:SHUTDOWN': osa('signal {} itsolnx2'),
	'signal-shutdown:Within': osa('signal shutdown itsolnx2 {} 30'),
	'send-cp:CP': osa('send {} itsolnx2 q names'),
	'link:To': {
		scenario: 'a12-cms-mdisks',
		on: 'ITSOSSI4',
		line: 'send cp itsolnx2 link {} maint 0190 0190 rr',
		before: ['send cp itsolnx2 det 190']
	},
	'link:As': {
		scenario: 'a12-cms-mdisks',
		on: 'ITSOSSI4',
		line: 'send cp itsolnx2 link maint 0190 {} 0190 rr',
		before: ['send cp itsolnx2 det 190']
	}
};

describe("every option keyword shown is accepted at its abbreviation, and the next-shorter isn't", () => {
	const shown = COMMAND_REFERENCE.flatMap((c) =>
		c.details.flatMap((d) => (d.keywords ?? []).map((k) => `${c.id}:${k}`))
	);

	it('each keyword of the reference has a probe here, and each probe a keyword there', () => {
		expect([...new Set(shown)].sort()).toEqual(Object.keys(PROBES).sort());
	});

	for (const key of [...new Set(shown)]) {
		const probe = PROBES[key];
		const k = kw(key.split(':')[1]!);
		it(`${key}: ${k.name.slice(0, k.min)}`, () => {
			expect(probe, key).toBeDefined();
			const p = probe!;
			const at = (word: string) => run(p.scenario, p.on, p.line.replace('{}', word), p.before);
			for (const word of [k.name, k.name.slice(0, k.min)]) {
				const r = at(word.toLowerCase());
				expect(r.out, `${p.line} with ${word}`).not.toMatch(UNKNOWN);
			}
			if (k.min <= 1) return;
			const shorter = k.name.slice(0, k.min - 1);
			expect(at(shorter.toLowerCase()).out).not.toBe(at(k.name.slice(0, k.min)).out);
		});
	}
});

describe('every example runs on its built-in scenario, as the document shows it', () => {
	for (const c of COMMAND_REFERENCE) {
		const e = c.example;
		it(`${c.id}: ${e.text} (${e.source ?? 'the lab’s own'}) on ${e.scenario}`, () => {
			const r = run(e.scenario, e.on, e.text, e.before);
			expect(r.out).not.toMatch(UNKNOWN);
			expect(r.rc, r.out).toBe(0);
		});
	}

	it('every example types the command it illustrates, directly or through AT, SEND CP', () => {
		for (const c of COMMAND_REFERENCE) {
			let text = c.example.text;
			if (c.id !== 'at') text = text.replace(/^at \S+ cmd /i, '');
			if (c.id !== 'send-cp') text = text.replace(/^send cp \S+ /i, '');
			const typed = text.split(/\s+/);
			const ks = keywordsOf(c.words);
			ks.forEach((k, i) => expect(matches(typed[i], k), `${c.id}: ${typed[i]}`).toBe(true));
		}
	});
});
