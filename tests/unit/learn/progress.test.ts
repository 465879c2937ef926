// Progress through /learn in localStorage: versioned JSON, corrupt values ignored, resume and
// "continue where you left off".
import { describe, expect, it } from 'vitest';
import type { Lesson } from '$lib/learn/lesson';
import {
	answered,
	atStep,
	clearProgress,
	completed,
	continueLesson,
	lessonStatus,
	loadProgress,
	NO_PROGRESS,
	parseProgress,
	PROGRESS_KEY,
	resumeStep,
	saveProgress,
	serializeProgress,
	statusText,
	type ProgressStorage
} from '$lib/learn/progress';

const q = {
	prompt: 'p',
	observe: { of: 'cluster-mode' as const },
	choices: [
		{ label: 'a', when: { is: 'Stable' } },
		{ label: 'b', when: { is: 'Safe' } }
	],
	explain: 'e'
};

function lesson(slug: string, steps = 3): Lesson {
	return {
		slug,
		title: slug,
		summary: '',
		sources: [{ doc: '000', section: '§2.4' }],
		script: {
			scenario: 'itsossib',
			seed: 1,
			steps: Array.from({ length: steps }, () => ({ runMs: 1 }))
		},
		steps: Array.from({ length: steps }, (_, k) => ({
			title: `s${k}`,
			body: ['x'],
			...(k === 1 ? {} : { question: q })
		}))
	};
}

function memory(
	initial: Record<string, string> = {}
): ProgressStorage & { data: Record<string, string> } {
	const data = { ...initial };
	return {
		data,
		getItem: (k) => data[k] ?? null,
		setItem: (k, v) => void (data[k] = v),
		removeItem: (k) => void delete data[k]
	};
}

describe('parseProgress', () => {
	it('reads back what it wrote', () => {
		let p = atStep(NO_PROGRESS, 'a', 2);
		p = answered(p, 'a', 0, 1, true);
		p = completed(p, 'a');
		expect(parseProgress(serializeProgress(p))).toEqual(p);
	});

	it.each([
		['not JSON', '{oops'],
		['null', 'null'],
		['an array', '[]'],
		['another version', JSON.stringify({ version: 2, lessons: {}, last: null })],
		['lessons not an object', JSON.stringify({ version: 1, lessons: 3, last: null })]
	])('ignores %s', (_, text) => {
		expect(parseProgress(text)).toEqual(NO_PROGRESS);
	});

	it('drops a malformed lesson entry and keeps the others', () => {
		const text = JSON.stringify({
			version: 1,
			lessons: {
				good: { step: 1, answers: { 0: { choice: 1, correct: false } }, completed: false },
				badStep: { step: -1, answers: {}, completed: false },
				badAnswer: { step: 0, answers: { 0: { choice: 'x', correct: true } }, completed: false },
				badAnswerKey: { step: 0, answers: { nope: { choice: 0, correct: true } }, completed: false }
			},
			last: 'badStep'
		});
		const p = parseProgress(text);
		expect(Object.keys(p.lessons)).toEqual(['good']);
		expect(p.lessons.good?.answers[0]).toEqual({ choice: 1, correct: false });
		expect(p.last).toBeNull();
	});
});

describe('lesson status', () => {
	const a = lesson('a');
	it('not started, step k of n, completed with the predictions right', () => {
		expect(statusText(lessonStatus(NO_PROGRESS, a))).toBe('Not started');
		let p = atStep(NO_PROGRESS, 'a', 2);
		expect(statusText(lessonStatus(p, a))).toBe('Step 3 of 3');
		p = answered(p, 'a', 0, 0, true);
		p = answered(p, 'a', 2, 1, false);
		p = completed(p, 'a');
		expect(statusText(lessonStatus(p, a))).toBe('Completed (1 of 2 predictions right)');
	});

	it('resumes at the saved step, within the lesson', () => {
		expect(resumeStep(NO_PROGRESS, a)).toBe(0);
		expect(resumeStep(atStep(NO_PROGRESS, 'a', 1), a)).toBe(1);
		expect(resumeStep(atStep(NO_PROGRESS, 'a', 9), a)).toBe(2);
	});
});

describe('continueLesson', () => {
	const lessons = [lesson('a'), lesson('b'), lesson('c')];
	it('is null before anything was opened', () => {
		expect(continueLesson(NO_PROGRESS, lessons)).toBeNull();
	});
	it('is the lesson opened last while it is not completed', () => {
		expect(continueLesson(atStep(NO_PROGRESS, 'b', 1), lessons)?.slug).toBe('b');
	});
	it('moves on to the next lesson not completed once it is', () => {
		const p = completed(atStep(NO_PROGRESS, 'c', 2), 'c');
		expect(continueLesson(p, lessons)?.slug).toBe('a');
		const all = ['a', 'b', 'c'].reduce((x, s) => completed(x, s), NO_PROGRESS);
		expect(continueLesson(all, lessons)).toBeNull();
	});
});

describe('storage', () => {
	it('saves, loads and clears under the versioned key', () => {
		const s = memory();
		const p = atStep(NO_PROGRESS, 'a', 1);
		expect(saveProgress(s, p)).toBe(true);
		expect(JSON.parse(s.data[PROGRESS_KEY]!).version).toBe(1);
		expect(loadProgress(s)).toEqual(p);
		expect(clearProgress(s)).toBe(true);
		expect(loadProgress(s)).toEqual(NO_PROGRESS);
	});

	it('a corrupt stored value loads as no progress, without throwing', () => {
		expect(loadProgress(memory({ [PROGRESS_KEY]: '\u0000not json' }))).toEqual(NO_PROGRESS);
	});

	it('storage that throws or is missing is not a crash', () => {
		const broken: ProgressStorage = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('quota');
			},
			removeItem: () => {
				throw new Error('denied');
			}
		};
		expect(loadProgress(broken)).toEqual(NO_PROGRESS);
		expect(saveProgress(broken, NO_PROGRESS)).toBe(false);
		expect(clearProgress(broken)).toBe(false);
		expect(loadProgress(null)).toEqual(NO_PROGRESS);
		expect(saveProgress(null, NO_PROGRESS)).toBe(false);
	});
});
