/**
 * The scenario editor's state (Svelte 5 runes): the draft the forms edit, its validation
 * (debounced; the simulation worker's validator), where each error belongs, the draft kept in
 * the browser with the one it replaced, file import and export, and the lab address that runs
 * the draft. The page calls {@link ScenarioEditor.changed} whenever the draft changes.
 */
import { validateScenario } from '../core/config/scenario';
import type { ScenarioError, ScenarioSpec } from '../core/config/scenario-types';
import { DEFAULT_SCENARIO, builtinJson } from '../core/scenarios/index';
import { addressFor, type LinkPath } from './address';
import { errorsByField, placeErrors, type PlacedError } from './draft-errors';
import {
	DRAFT_KEY,
	PREVIOUS_KEY,
	readDraft,
	removeDraft,
	writeDraft,
	type StoredDraft
} from './draft-store';
import { draftFromJson, draftToJson, type ScenarioDraft } from './scenario-draft';
import { textNotes, type TextNotes } from './text-notes';
import {
	checkFileFacts,
	errorLines,
	orderBySchema,
	readScenarioBytes,
	scenarioFileName,
	scenarioFileText
} from './scenario-file';
import { URL_STATE_LIMITS, encodeUrlState, type ScenarioJson } from './url-state';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A file that could not be imported: its name, what is wrong, and where. */
export interface ImportProblem {
	file: string;
	problem: string;
	errors: string[];
}

/** Milliseconds after the last change before the draft is checked and saved. */
export const VALIDATE_DELAY_MS = 300;

function copyOf(id: string): { draft: ScenarioDraft; origin: string } | null {
	const json = builtinJson(id);
	if (json === undefined) return null;
	return { draft: draftFromJson(json as ScenarioJson), origin: `a copy of ${id}` };
}

/** The time of a save, for the record (a string, not reactive state). */
function nowIso(): string {
	return new Date().toISOString();
}

function same(a: ScenarioDraft, b: ScenarioDraft): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export class ScenarioEditor {
	draft = $state<ScenarioDraft>(copyOf(DEFAULT_SCENARIO)!.draft);
	/** What the draft started as. */
	origin = $state('');
	/** The draft this one replaced, which "Restore" brings back. */
	previous = $state.raw<StoredDraft | null>(null);
	/** Every error, on its field, in page order. */
	errors = $state.raw<PlacedError[]>([]);
	/** The errors by field path. */
	byField = $derived(errorsByField(this.errors));
	/** What the texts' parsers note that does not stop the scenario. */
	notes = $state.raw<TextNotes>({ directory: [], systemConfig: [] });
	/** The validated scenario, when the draft is valid. */
	spec = $state.raw<ScenarioSpec | null>(null);
	/** A change not yet checked. */
	pending = $state(false);
	/** Set once the saved draft (or the first copy) is in place. */
	ready = $state(false);
	/** Why the draft cannot be kept in this browser, if it cannot. */
	storageProblem = $state<string | null>(null);
	importProblem = $state.raw<ImportProblem | null>(null);
	/** A note on what just happened (imported, replaced, restored). */
	notice = $state<string | null>(null);
	/** Text for the page's one polite status region. */
	announcement = $state('');
	/** The last entry removed from a list, which Undo puts back. */
	lastRemoved = $state.raw<{ what: string; restore: () => void } | null>(null);

	private timer: ReturnType<typeof setTimeout> | null = null;
	private lastCount = -1;
	private storage: Store | null = null;

	constructor(private readonly delayMs = VALIDATE_DELAY_MS) {}

	/** Where the draft is kept (localStorage in the browser; none while prerendering). */
	attach(storage: Store | null): void {
		this.storage = storage;
	}

	/**
	 * Puts the saved draft in place, or a copy of the built-in `from` (the gallery's "Edit a
	 * copy"), or a copy of the default scenario when there is neither.
	 */
	init(from: string | null): void {
		const saved = readDraft(this.storage, DRAFT_KEY);
		const prev = readDraft(this.storage, PREVIOUS_KEY);
		this.previous = prev.ok ? prev.value : null;
		const copy = from === null ? null : copyOf(from);
		if (from !== null && !copy)
			this.notice = `There is no built-in scenario "${from}"; your draft is unchanged.`;
		if (saved.ok && saved.value) {
			this.draft = saved.value.draft;
			this.origin = saved.value.origin;
			// The saved draft becomes the previous one, which Restore brings back.
			if (copy) this.replace(copy.draft, copy.origin, `Now editing a copy of ${from}.`);
		} else {
			if (!saved.ok)
				this.storageProblem = `Your saved draft could not be read (${saved.reason}); it was replaced by a copy of ${DEFAULT_SCENARIO}.`;
			const fresh = copy ?? copyOf(DEFAULT_SCENARIO)!;
			this.draft = fresh.draft;
			this.origin = fresh.origin;
		}
		this.validateNow();
		this.ready = true;
	}

	/** The draft changed: check and save it once the typing pauses. */
	changed(): void {
		if (!this.ready) return;
		this.pending = true;
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			this.validateNow();
		}, this.delayMs);
	}

	/** Checks and saves the draft now. */
	validateNow(): void {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		const draft = $state.snapshot(this.draft) as ScenarioDraft;
		const { json, errors } = draftToJson(draft);
		const result = validateScenario(json);
		const all: ScenarioError[] = [...errors, ...(result.ok ? [] : result.errors)];
		this.errors = placeErrors(draft, all);
		this.spec = result.ok && errors.length === 0 ? result.value : null;
		const bySlot = draft.cluster.members
			.map((m, i) => ({ name: m.name.trim().toUpperCase(), slot: Number(m.slot) || i + 1 }))
			.sort((a, b) => a.slot - b.slot)
			.map((m) => m.name);
		this.notes = textNotes(draft.directory, draft.systemConfig, bySlot);
		this.pending = false;
		if (all.length !== this.lastCount) {
			this.announcement =
				all.length === 0
					? 'No problems: the scenario is valid.'
					: `${all.length} ${all.length === 1 ? 'problem' : 'problems'} in the scenario.`;
			this.lastCount = all.length;
		}
		this.save(draft);
	}

	private save(draft: ScenarioDraft): void {
		const problem = writeDraft(this.storage, DRAFT_KEY, {
			draft,
			origin: this.origin,
			savedAt: nowIso()
		});
		this.storageProblem = problem
			? `Your draft cannot be kept in this browser: ${problem}. Export it to keep it.`
			: this.storageProblem?.startsWith('Your saved draft could not be read')
				? this.storageProblem
				: null;
	}

	/** Replaces the draft, keeping the current one as the previous draft. */
	replace(draft: ScenarioDraft, origin: string, notice: string): void {
		const current = $state.snapshot(this.draft) as ScenarioDraft;
		if (!same(current, draft)) {
			const previous: StoredDraft = {
				draft: current,
				origin: this.origin,
				savedAt: nowIso()
			};
			this.previous = previous;
			writeDraft(this.storage, PREVIOUS_KEY, previous);
		}
		this.draft = draft;
		this.origin = origin;
		this.notice = notice;
		this.importProblem = null;
		this.lastRemoved = null;
		this.validateNow();
	}

	/** Swaps the draft and the previous one (so a restore can be undone too). */
	restorePrevious(): void {
		const prev = this.previous;
		if (!prev) return;
		this.replace(prev.draft, prev.origin, `Restored the previous draft (${prev.origin}).`);
	}

	/** Starts again from a copy of the default scenario; the discarded draft can be restored. */
	discard(): void {
		const fresh = copyOf(DEFAULT_SCENARIO)!;
		this.replace(
			fresh.draft,
			fresh.origin,
			`Draft discarded: you are editing a fresh copy of ${DEFAULT_SCENARIO}.`
		);
	}

	/** Forgets the previous draft. */
	forgetPrevious(): void {
		this.previous = null;
		removeDraft(this.storage, PREVIOUS_KEY);
	}

	/**
	 * Imports a scenario file: on success it becomes the draft (the old one is kept as the
	 * previous draft); on failure the draft is untouched and {@link importProblem} says why.
	 */
	async importFile(file: File): Promise<boolean> {
		const facts = { name: file.name, type: file.type, size: file.size };
		const early = checkFileFacts(facts);
		if (early) return this.refuse(file.name, early, []);
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch (e) {
			return this.refuse(
				file.name,
				`it could not be read (${e instanceof Error ? e.message : String(e)})`,
				[]
			);
		}
		const r = readScenarioBytes(facts, bytes);
		if (!r.ok) return this.refuse(file.name, r.problem, errorLines(r.errors));
		this.replace(draftFromJson(r.json), file.name, `Imported ${file.name}: ${r.spec.title}.`);
		this.announcement = `Imported ${file.name}.`;
		return true;
	}

	/** Reports a file that cannot be imported, leaving the draft as it is. */
	refuse(file: string, problem: string, errors: string[]): false {
		this.importProblem = { file, problem, errors };
		return false;
	}

	/** The draft as a file (name and text), or null while it has errors. */
	exportFile(): { name: string; text: string } | null {
		this.validateNow();
		if (!this.spec) return null;
		const { json } = draftToJson($state.snapshot(this.draft) as ScenarioDraft);
		return { name: scenarioFileName(this.spec.name), text: scenarioFileText(json) };
	}

	/**
	 * The lab address that runs the draft (the scenario inline, its seed, from the start), or
	 * a reason it cannot: errors in the draft, or a scenario too large for a link.
	 */
	async runAddress(): Promise<{ ok: true; path: LinkPath } | { ok: false; reason: string }> {
		this.validateNow();
		const spec = this.spec;
		if (!spec) return { ok: false, reason: this.problemCount() };
		const { json } = draftToJson($state.snapshot(this.draft) as ScenarioDraft);
		const inline = orderBySchema(json) as ScenarioJson;
		const scenario = { inline };
		const encoded = await encodeUrlState({ scenario, seed: spec.seed, inputs: [], t: 0 });
		if (encoded.length > URL_STATE_LIMITS.maxChars)
			return {
				ok: false,
				reason: `The scenario is too large to open through a link (${encoded.length} characters; the limit is ${URL_STATE_LIMITS.maxChars}). Export it and run it with npm run sim instead.`
			};
		return { ok: true, path: addressFor(scenario, encoded) };
	}

	/** "Fix the 3 problems listed above first." */
	problemCount(): string {
		const n = this.errors.length;
		return `Fix the ${n === 1 ? 'problem' : `${n} problems`} listed under "Problems" first.`;
	}

	/** Removes `list[index]` (a member, a guest, a step, ...), which Undo can put back. */
	remove<T>(list: T[], index: number, what: string): void {
		const [item] = list.splice(index, 1);
		if (item === undefined) return;
		this.lastRemoved = {
			what,
			restore: () => {
				list.splice(Math.min(index, list.length), 0, item);
				this.lastRemoved = null;
				this.announcement = `Put back ${what}.`;
			}
		};
		this.announcement = `Removed ${what}.`;
	}

	/** Errors of one field. */
	at(path: string): PlacedError[] {
		return this.byField.get(path) ?? [];
	}

	/** Saves a change still waiting for its check (the page is going away). */
	flush(): void {
		if (this.pending) this.validateNow();
	}

	destroy(): void {
		this.flush();
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
	}
}
