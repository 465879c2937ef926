// Lessons 7-12 (learn/lessons/part-two.ts), checked on the real simulation, and the shape the
// brief asks of them: 3-6 steps, a question for every step that runs anything, and playback
// speeds at which each step lasts a few wall-clock seconds on the page.
import { describe, expect, it } from 'vitest';
import { PART_TWO } from '$lib/learn/lessons/part-two';
import { describeLessons } from './lesson-checks';

describe('lessons 7-12', () => {
	describeLessons(PART_TWO);

	it('are six lessons of 3 to 6 steps, each step with a prediction question', () => {
		expect(PART_TWO).toHaveLength(6);
		for (const lesson of PART_TWO) {
			expect(lesson.steps.length, lesson.slug).toBeGreaterThanOrEqual(3);
			expect(lesson.steps.length, lesson.slug).toBeLessThanOrEqual(6);
			for (const step of lesson.steps) expect(step.question, step.title).toBeDefined();
		}
	});

	it('play each step in 1 to 6 seconds of wall-clock time', () => {
		for (const lesson of PART_TWO) {
			for (const [k, step] of lesson.script.steps.entries()) {
				const wallMs = step.runMs / (step.speed ?? 1);
				expect(wallMs, `${lesson.slug} step ${k + 1}`).toBeGreaterThanOrEqual(1000);
				expect(wallMs, `${lesson.slug} step ${k + 1}`).toBeLessThanOrEqual(6000);
			}
		}
	});
});
