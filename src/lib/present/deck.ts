/**
 * A presenter deck (/present): slides a speaker clicks through beside a live simulation locked
 * to the deck's own scripted run. Slide k shows step k of the script: moving to a slide loads
 * that step's position (state/script-player.svelte.ts), so forward, back and restart always land
 * on the same state, offline and from a clicker.
 *
 * Deck text is written for this project from the source documents in shared/seeds; each deck
 * cites the sections it draws on, and what a slide says the simulation shows is written down as
 * claims that the unit tests check against the real simulation (tests/unit/present).
 */
import type { Citation } from '../learn/lesson';
import type { Condition, Observation } from '../script/observe';
import type { ScriptedRun } from '../script/script';

export type { Citation };

/** Something a slide says the simulation shows once its step has run, checked by the tests. */
export interface SlideClaim {
	/** What the slide says, in its own words (for the test's name). */
	says: string;
	observe: Observation;
	holds: Condition;
}

export interface Slide {
	title: string;
	/** A few large points. Inline `backticks` mark CP commands and message ids (shown as code). */
	points: readonly string[];
	/** Paragraphs for the speaker-notes window; the same `backticks` markup. */
	notes: readonly string[];
	/**
	 * True: the step runs as soon as the slide is shown (things the audience should simply see
	 * happen). False: the slide is shown at the step's start and the first Next runs it, so the
	 * speaker can explain a command before it is typed.
	 */
	autoRun: boolean;
	/** Checked against the run at the step's end. */
	claims?: readonly SlideClaim[];
}

export interface Deck {
	/** The deck's address under /present/ (lowercase, digits and hyphens). */
	slug: string;
	title: string;
	/** One sentence for the deck list. */
	summary: string;
	sources: readonly Citation[];
	/** The simulation, locked: `script.steps[k]` runs for `slides[k]`. */
	script: ScriptedRun;
	slides: readonly Slide[];
}

/** A citation as the pages show it: `000 §3.6.1`. */
export function citationText(c: Citation): string {
	return `${c.doc} ${c.section}`;
}

/** A point or a note split at its `backticks`: code parts are CP commands and message ids. */
export function textParts(text: string): { text: string; code: boolean }[] {
	return text
		.split('`')
		.map((t, i) => ({ text: t, code: i % 2 === 1 }))
		.filter((p) => p.text !== '');
}

/** The member the deck types its first command on (its console is the one to show), if any. */
export function commandMember(deck: Deck): string | undefined {
	for (const step of deck.script.steps) {
		for (const x of step.inputs ?? []) if (x.input.kind === 'command') return x.input.on;
	}
	return undefined;
}
