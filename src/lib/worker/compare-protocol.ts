/**
 * The message protocol between the compare page and its worker (compare.worker.ts): typed
 * discriminated unions and the validator the worker runs on every incoming message. Requests
 * carry an `id` that the `ok` or `error` answer repeats; frames are pushed without one. The
 * same shape as the lab's protocol.ts, for a smaller job: two relocations on one clock.
 *
 * Pure TypeScript (no DOM): the validator runs in Node tests too.
 */
import type { Differences } from '../core/compare/differences';
import {
	validateSettings,
	type CompareSettings,
	type PolicyId,
	type SideKey
} from '../core/compare/settings';
import type { SidePhase, SideStatus } from '../core/compare/side';
import {
	describe,
	FieldError,
	MAX_SPEED,
	MIN_SPEED,
	parseMessage,
	speedOf,
	type AnswerTo,
	type BodyOf,
	type ErrorMessage,
	type ParsedRequest
} from './messages';
import type { PassView } from './protocol';

export { MAX_SPEED, MIN_SPEED };

// ---------------------------------------------------------------------------------------------
// Requests (page → worker)

/**
 * Starts a comparison of `settings` at time 0 (both MOVEs issued then), dropping the one
 * before; it plays at once when `play` is true. A refused load leaves the running one alone.
 */
export type CompareLoadRequest = {
	id: number;
	type: 'load';
	settings: CompareSettings;
	play?: boolean;
};
export type ComparePlayRequest = { id: number; type: 'play' };
export type ComparePauseRequest = { id: number; type: 'pause' };
/** Simulated ms per wall-clock ms, 0.1 to 1000 as in the lab. */
export type CompareSpeedRequest = { id: number; type: 'speed'; speed: number };
/** Back to time 0 of the same comparison, paused. */
export type CompareResetRequest = { id: number; type: 'reset' };
/** Runs to the end as fast as the worker can, in slices that keep frames coming; pause stops it. */
export type CompareFinishRequest = { id: number; type: 'finish' };

export type CompareRequest =
	| CompareLoadRequest
	| ComparePlayRequest
	| ComparePauseRequest
	| CompareSpeedRequest
	| CompareResetRequest
	| CompareFinishRequest;

export type CompareRequestType = CompareRequest['type'];

export const COMPARE_REQUEST_TYPES: readonly CompareRequestType[] = [
	'load',
	'play',
	'pause',
	'speed',
	'reset',
	'finish'
];

/** A request before the client numbers it. */
export type CompareRequestBody<T extends CompareRequest = CompareRequest> = BodyOf<T>;

// ---------------------------------------------------------------------------------------------
// Responses (worker → page)

export type CompareOk =
	| { id: number; type: 'ok'; of: 'load'; settings: CompareSettings }
	| { id: number; type: 'ok'; of: 'play' }
	| { id: number; type: 'ok'; of: 'pause' }
	| { id: number; type: 'ok'; of: 'speed'; speed: number }
	| { id: number; type: 'ok'; of: 'reset' }
	| { id: number; type: 'ok'; of: 'finish' };

export type CompareOkFor<T extends CompareRequestType> = AnswerTo<CompareOk, T>;

/** A refused request; `field` names the bad field as a path (`settings.b.chpids`), or is null. */
export type CompareError = ErrorMessage;

// ---------------------------------------------------------------------------------------------
// Frames (worker → page, pushed)

/** One pass through memory (simulated ms since the MOVE). */
export type ComparePassView = PassView;

/** One phase of a side's phase strip. */
export interface SideStepView {
	phase: SidePhase;
	label: string;
	quiesced: boolean;
}

/** Passes kept per side in a frame (the counts cover them all). */
export const MAX_COMPARE_PASSES = 64;

/**
 * One side as the page shows it: its status (core/compare/side.ts; figures at most one engine
 * slice old), what it runs with, and its phase in words.
 */
export interface SideView extends SideStatus {
	key: SideKey;
	policy: PolicyId;
	/** The link's one-direction capacity, MB/s. */
	linkMBps: number;
	guestPages: number;
	/** MAXQUIESCE and MAXTOTAL in force, ms; null for NOLIMIT. */
	maxQuiesceMs: number | null;
	maxTotalMs: number | null;
	phase: SidePhase;
	/** The phase in words (VMRELOCATE STATUS's strings for z/VM). */
	phaseLabel: string;
	/** The phases this side goes through, for its strip. */
	steps: SideStepView[];
	quiesced: boolean;
	/** The last {@link MAX_COMPARE_PASSES} completed passes. */
	passes: ComparePassView[];
}

export interface CompareView {
	/** Frame number (one more per frame sent). */
	frame: number;
	/** One more per load and per reset: frames of an earlier run are stale. */
	generation: number;
	settings: CompareSettings;
	/** The shared clock, simulated ms since both MOVEs. */
	now: number;
	horizonMs: number;
	playing: boolean;
	/** True while running to the end as fast as possible. */
	finishing: boolean;
	speed: number;
	/** Both sides have ended (or the horizon was reached). */
	done: boolean;
	sides: Record<SideKey, SideView>;
	differences: Differences;
}

export type CompareFrame = { type: 'frame'; view: CompareView };

export type CompareWorkerMessage = CompareOk | CompareError | CompareFrame;

// ---------------------------------------------------------------------------------------------
// Validation

export type CompareParsed = ParsedRequest<CompareRequest>;

/** At most this many errors are joined into one message. */
const ERRORS_SHOWN = 8;

/** The settings of a load, every bad one named as a path under `settings`. */
function settingsOf(data: Record<string, unknown>): CompareSettings {
	const r = validateSettings(data['settings']);
	if (r.ok) return r.value;
	const at = (f: string) => (f === 'settings' ? f : `settings.${f}`);
	const shown = r.errors.slice(0, ERRORS_SHOWN).map((e) => `${at(e.field)}: ${e.message}`);
	const more =
		r.errors.length > ERRORS_SHOWN ? ` (and ${r.errors.length - ERRORS_SHOWN} more)` : '';
	throw new FieldError(
		at(r.errors[0]!.field),
		`the settings are not valid: ${shown.join('; ')}${more}`
	);
}

/**
 * Validates a message from the page. Never throws: a bad message becomes a {@link CompareError}
 * naming the first bad field (and listing the others), so the worker answers it and carries on.
 */
export function parseCompareRequest(data: unknown): CompareParsed {
	return parseMessage<CompareRequest>(data, COMPARE_REQUEST_TYPES, (data, id, t) => {
		switch (t) {
			case 'load': {
				const request: CompareLoadRequest = { id, type: t, settings: settingsOf(data) };
				const play = data['play'];
				if (play !== undefined && typeof play !== 'boolean')
					throw new FieldError('play', `play must be true or false (got ${describe(play)})`);
				if (play !== undefined) request.play = play;
				return request;
			}
			case 'speed':
				return { id, type: t, speed: speedOf(data) };
			case 'play':
			case 'pause':
			case 'reset':
			case 'finish':
				return { id, type: t };
		}
	});
}
