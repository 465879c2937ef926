// Every presenter deck, run on the real simulation as the deck page runs it: its script is sound
// and runs on a built-in scenario, one slide per step, it cites the documents, and each claim a
// slide makes about the simulation holds at the end of its step.
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS } from '$lib/core/scenarios/catalog';
import { DECKS, deckBySlug } from '$lib/present/decks';
import { citationText, commandMember, textParts } from '$lib/present/deck';
import { describeObserved, holds, observe } from '$lib/script/observe';
import { scriptProblems } from '$lib/script/script';
import { runStep } from '../script/run-script';

/** The seed documents (shared/seeds): 000 … 004. */
const DOCS = ['000', '001', '002', '003', '004'];

describe('presenter decks', () => {
	it('there are at least three, with unique slugs, each found by its slug', () => {
		expect(DECKS.length).toBeGreaterThanOrEqual(3);
		expect(new Set(DECKS.map((d) => d.slug)).size).toBe(DECKS.length);
		for (const d of DECKS) expect(deckBySlug(d.slug)).toBe(d);
		expect(deckBySlug('no-such-deck')).toBeUndefined();
	});

	it('shows the console of the member the deck types on', () => {
		expect(DECKS.map(commandMember)).toEqual(['ITSOSSI1', 'ITSOSSI1', 'ITSOSSI4']);
	});

	it('splits text at backticks into code and words', () => {
		expect(textParts('type `q ssi` now')).toEqual([
			{ text: 'type ', code: false },
			{ text: 'q ssi', code: true },
			{ text: ' now', code: false }
		]);
		expect(textParts('`HCPRLH1940E`')).toEqual([{ text: 'HCPRLH1940E', code: true }]);
	});

	it('formats a citation as the pages show it', () => {
		expect(citationText({ doc: '000', section: '§3.6.1' })).toBe('000 §3.6.1');
	});
});

for (const deck of DECKS) {
	describe(`deck ${deck.slug}`, () => {
		it('has a sound script on a built-in scenario, one step per slide', () => {
			expect(deck.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(BUILTIN_IDS).toContain(deck.script.scenario);
			expect(scriptProblems(deck.script)).toEqual([]);
			expect(deck.script.steps.length).toBe(deck.slides.length);
			expect(deck.slides.length).toBeGreaterThanOrEqual(3);
		});

		it('cites the documents it draws on', () => {
			expect(deck.sources.length).toBeGreaterThan(0);
			for (const s of deck.sources) {
				expect(DOCS).toContain(s.doc);
				expect(s.section.trim()).not.toBe('');
			}
		});

		it('every slide has a title, a few points and notes', () => {
			for (const s of deck.slides) {
				expect(s.title.trim()).not.toBe('');
				expect(s.points.length).toBeGreaterThan(0);
				expect(s.points.length).toBeLessThanOrEqual(4);
				expect(s.notes.length).toBeGreaterThan(0);
			}
		});

		deck.slides.forEach((slide, k) => {
			const claims = slide.claims ?? [];
			if (claims.length === 0) return;
			it(`slide ${k + 1} "${slide.title}": ${claims.map((c) => c.says).join('; ')}`, () => {
				const run = runStep(deck.script, k);
				for (const c of claims) {
					const seen = observe(c.observe, run);
					if (!seen.ok) throw new Error(`${c.says}: ${seen.error}`);
					expect(
						holds(c.holds, seen.value),
						`${c.says}: the simulation shows ${describeObserved(c.observe, seen.value)}`
					).toBe(true);
				}
			});
		});
	});
}
