/**
 * A self-paced lesson (/learn): short narrative steps beside a live simulation locked to the
 * lesson's own scripted run. Step k of the lesson shows step k of the script: the narrative is
 * read at the step's start, the learner runs it (after answering the step's question, when it
 * has one) and the simulation then judges the prediction (script/question.ts).
 *
 * Lesson text is written for this project from the source documents in shared/seeds; each
 * lesson cites the sections it draws on.
 */
import type { PredictQuestion } from '../script/question';
import type { ScriptedRun } from '../script/script';

/** A source section a lesson draws on, as the README cites them: `000 §3.6.1`, `001 "CTC Connections"`. */
export interface Citation {
	/** The document: 000, 001, 002, ... (shared/seeds). */
	doc: string;
	/** Section, example or figure within it. */
	section: string;
}

export interface LessonStep {
	title: string;
	/**
	 * Paragraphs of narrative. Inline `backticks` mark CP commands and message ids (rendered as
	 * code); nothing else is markup.
	 */
	body: readonly string[];
	/** Where to look in the simulation while the step runs (one sentence), if anywhere. */
	look?: string;
	/** Asked before the step runs; judged by what the simulation then does. */
	question?: PredictQuestion;
}

export interface Lesson {
	/** The lesson's address under /learn/ (lowercase, digits and hyphens). */
	slug: string;
	title: string;
	/** One sentence for the lesson list. */
	summary: string;
	sources: readonly Citation[];
	/** The simulation, locked: `script.steps[k]` runs for `steps[k]`. */
	script: ScriptedRun;
	steps: readonly LessonStep[];
}
