// The twelve lessons of /learn (learn/lessons/index.ts), checked on the real simulation
// (lesson-checks.ts), and the shape the issue asks of them: at least twelve, 3-6 steps, a
// prediction for every step that runs anything, and playback speeds at which each step lasts a
// few wall-clock seconds on the page.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '$lib/learn/lessons/index';
import { describeLessons } from './lesson-checks';

describeLessons(LESSONS);

describe('the lessons together', () => {
	it('are at least twelve, of 3 to 6 steps, every step that runs asking for a prediction', () => {
		expect(LESSONS.length).toBeGreaterThanOrEqual(12);
		for (const lesson of LESSONS) {
			expect(lesson.steps.length, lesson.slug).toBeGreaterThanOrEqual(3);
			expect(lesson.steps.length, lesson.slug).toBeLessThanOrEqual(6);
			for (const [k, step] of lesson.steps.entries()) {
				const s = lesson.script.steps[k]!;
				if (s.runMs > 0 || (s.inputs?.length ?? 0) > 0) {
					expect(step.question, `${lesson.slug}: ${step.title}`).toBeDefined();
				}
			}
		}
	});

	it('play each step in at most 6 seconds of wall-clock time', () => {
		for (const lesson of LESSONS) {
			for (const [k, step] of lesson.script.steps.entries()) {
				const wallMs = step.runMs / (step.speed ?? 1);
				expect(wallMs, `${lesson.slug} step ${k + 1}`).toBeLessThanOrEqual(6000);
			}
		}
	});
});
