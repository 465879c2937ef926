/**
 * A learner's progress through the lessons of /learn, kept in the browser's localStorage under
 * {@link PROGRESS_KEY} as versioned JSON: per lesson the step reached, the answers given to its
 * questions (the choice and whether the simulation bore it out) and whether it is completed, and
 * which lesson was opened last ("Continue where you left off").
 *
 * Pure functions over plain values; a stored value that is not valid JSON of this version, or
 * that a field of which is malformed, is ignored (the learner starts afresh) and never throws.
 */
import type { Lesson } from './lesson';

export const PROGRESS_KEY = 'quiesce-learn-progress';
export const PROGRESS_VERSION = 1;

export interface Answer {
	/** Index of the chosen choice. */
	choice: number;
	correct: boolean;
}

export interface LessonProgress {
	/** The step shown when the learner left (0-based). */
	step: number;
	/** Answers by step index. */
	answers: Readonly<Record<number, Answer>>;
	completed: boolean;
}

export interface Progress {
	version: typeof PROGRESS_VERSION;
	lessons: Readonly<Record<string, LessonProgress>>;
	/** The slug of the lesson opened last, or null. */
	last: string | null;
}

export const NO_PROGRESS: Progress = { version: PROGRESS_VERSION, lessons: {}, last: null };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function readLesson(v: unknown): LessonProgress | null {
	if (!isObject(v) || !isIndex(v.step) || typeof v.completed !== 'boolean') return null;
	if (!isObject(v.answers)) return null;
	const answers: Record<number, Answer> = {};
	for (const [k, a] of Object.entries(v.answers)) {
		const step = Number(k);
		if (!isIndex(step) || !isObject(a) || !isIndex(a.choice) || typeof a.correct !== 'boolean') {
			return null;
		}
		answers[step] = { choice: a.choice, correct: a.correct };
	}
	return { step: v.step, answers, completed: v.completed };
}

/**
 * The progress stored as `text` (null: nothing stored). Anything not of this version, or not
 * well formed, gives {@link NO_PROGRESS}; a malformed lesson entry alone is dropped.
 */
export function parseProgress(text: string | null): Progress {
	if (text === null) return NO_PROGRESS;
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return NO_PROGRESS;
	}
	if (!isObject(v) || v.version !== PROGRESS_VERSION || !isObject(v.lessons)) return NO_PROGRESS;
	const lessons: Record<string, LessonProgress> = {};
	for (const [slug, l] of Object.entries(v.lessons)) {
		const read = readLesson(l);
		if (read) lessons[slug] = read;
	}
	const last = typeof v.last === 'string' && v.last in lessons ? v.last : null;
	return { version: PROGRESS_VERSION, lessons, last };
}

export function serializeProgress(p: Progress): string {
	return JSON.stringify(p);
}

function lessonOf(p: Progress, slug: string): LessonProgress {
	return p.lessons[slug] ?? { step: 0, answers: {}, completed: false };
}

function withLesson(p: Progress, slug: string, l: LessonProgress): Progress {
	return { ...p, lessons: { ...p.lessons, [slug]: l }, last: slug };
}

/** The learner is at `step` of lesson `slug`. */
export function atStep(p: Progress, slug: string, step: number): Progress {
	return withLesson(p, slug, { ...lessonOf(p, slug), step: Math.max(0, Math.floor(step)) });
}

/** The learner answered step `step`'s question with `choice`, which the run judged `correct`. */
export function answered(
	p: Progress,
	slug: string,
	step: number,
	choice: number,
	correct: boolean
): Progress {
	const l = lessonOf(p, slug);
	return withLesson(p, slug, { ...l, answers: { ...l.answers, [step]: { choice, correct } } });
}

/** The learner ran the last step of lesson `slug`. */
export function completed(p: Progress, slug: string): Progress {
	return withLesson(p, slug, { ...lessonOf(p, slug), completed: true });
}

/** Where the learner stands in a lesson, for the lesson list. */
export type LessonStatus =
	| { kind: 'not-started' }
	| { kind: 'in-progress'; step: number; of: number }
	| { kind: 'completed'; correct: number; questions: number };

export function lessonStatus(p: Progress, lesson: Lesson): LessonStatus {
	const l = p.lessons[lesson.slug];
	if (!l) return { kind: 'not-started' };
	if (l.completed) {
		const questions = lesson.steps.filter((s) => s.question).length;
		const correct = Object.entries(l.answers).filter(
			([k, a]) => a.correct && lesson.steps[Number(k)]?.question
		).length;
		return { kind: 'completed', correct, questions };
	}
	const of = lesson.steps.length;
	return { kind: 'in-progress', step: Math.min(l.step, of - 1) + 1, of };
}

/** In words: "Not started", "Step 3 of 5", "Completed (4 of 5 predictions right)". */
export function statusText(s: LessonStatus): string {
	switch (s.kind) {
		case 'not-started':
			return 'Not started';
		case 'in-progress':
			return `Step ${s.step} of ${s.of}`;
		case 'completed':
			return s.questions > 0
				? `Completed (${s.correct} of ${s.questions} predictions right)`
				: 'Completed';
	}
}

/** The step to open lesson `slug` at (its saved step, within the lesson's steps). */
export function resumeStep(p: Progress, lesson: Lesson): number {
	const l = p.lessons[lesson.slug];
	if (!l) return 0;
	return Math.min(l.step, lesson.steps.length - 1);
}

/**
 * The lesson to continue: the one opened last if it is not completed, else the first lesson not
 * completed after it (or from the start); null when nothing was started or all are completed.
 */
export function continueLesson(p: Progress, lessons: readonly Lesson[]): Lesson | null {
	if (p.last === null) return null;
	const at = lessons.findIndex((l) => l.slug === p.last);
	if (at < 0) return null;
	const order = [...lessons.slice(at), ...lessons.slice(0, at)];
	return order.find((l) => !p.lessons[l.slug]?.completed) ?? null;
}

/** What a page needs of localStorage (so tests can pass a fake, and a refusal is not a crash). */
export interface ProgressStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** The stored progress; NO_PROGRESS when storage is missing, refuses or holds something else. */
export function loadProgress(storage: ProgressStorage | null): Progress {
	try {
		return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
	} catch {
		return NO_PROGRESS;
	}
}

/** Stores `p`; false when storage is missing or refuses (private mode, quota). */
export function saveProgress(storage: ProgressStorage | null, p: Progress): boolean {
	if (!storage) return false;
	try {
		storage.setItem(PROGRESS_KEY, serializeProgress(p));
		return true;
	} catch {
		return false;
	}
}

/** Forgets all progress; false when storage refuses. */
export function clearProgress(storage: ProgressStorage | null): boolean {
	if (!storage) return false;
	try {
		storage.removeItem(PROGRESS_KEY);
		return true;
	} catch {
		return false;
	}
}
