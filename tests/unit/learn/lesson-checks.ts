// Checks every lesson must pass, run on the real simulation: its script is sound and runs on a
// built-in scenario, its steps match the script's, it cites the documents, and each prediction
// question, run in Node as the page runs it, has exactly one choice the simulation bears out.
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS } from '$lib/core/scenarios/catalog';
import type { Lesson } from '$lib/learn/lesson';
import { judge } from '$lib/script/question';
import { scriptProblems } from '$lib/script/script';
import { runStep } from '../script/run-script';

/** The seed documents (shared/seeds): 000 … 004. */
const DOCS = ['000', '001', '002', '003', '004'];

export function describeLessons(lessons: readonly Lesson[]): void {
	it('slugs are unique', () => {
		expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
	});

	for (const lesson of lessons) {
		describe(`lesson ${lesson.slug}`, () => {
			it('has a sound script on a built-in scenario, one script step per lesson step', () => {
				expect(lesson.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
				expect(BUILTIN_IDS).toContain(lesson.script.scenario);
				expect(scriptProblems(lesson.script)).toEqual([]);
				expect(lesson.script.steps.length).toBe(lesson.steps.length);
				expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
			});

			it('cites the documents it draws on', () => {
				expect(lesson.sources.length).toBeGreaterThan(0);
				for (const s of lesson.sources) {
					expect(DOCS).toContain(s.doc);
					expect(s.section.trim()).not.toBe('');
				}
			});

			it('every step has a title and narrative', () => {
				for (const s of lesson.steps) {
					expect(s.title.trim()).not.toBe('');
					expect(s.body.length).toBeGreaterThan(0);
				}
			});

			lesson.steps.forEach((step, k) => {
				const q = step.question;
				if (!q) return;
				it(`step ${k + 1} "${step.title}": exactly one choice is borne out by the run`, () => {
					expect(q.choices.length).toBeGreaterThanOrEqual(2);
					expect(q.explain.trim()).not.toBe('');
					const verdict = judge(q, runStep(lesson.script, k), 0);
					if (!verdict.ok) throw new Error(verdict.error);
					expect(verdict.right).toHaveLength(1);
				});
			});
		});
	}
}
