/**
 * Svelte 5 runes adapter over the compare worker: the latest frame as reactive state, the
 * narration for the page's one polite live region, and methods that send requests. Create it on
 * the page and call {@link CompareSession.start} in the browser only.
 */
import type { CompareSettings } from '../core/compare/settings';
import {
	createCompareClient,
	CompareRequestError,
	type CompareClient
} from '../worker/compare-client';
import type { CompareView } from '../worker/compare-protocol';
import { narrateCompare } from './compare-narration';
import { WorkerSession } from './worker-session.svelte';

export class CompareSession extends WorkerSession<CompareClient> {
	/** The latest frame, or null before the first one. Replaced whole, never mutated. */
	view = $state.raw<CompareView | null>(null);

	constructor() {
		super('the compare worker is not started');
	}

	protected connect(): CompareClient {
		return createCompareClient();
	}

	protected listen(client: CompareClient): () => void {
		return client.subscribe((view) => {
			const said = narrateCompare(this.view, view);
			if (said) this.announcement = said;
			this.view = view;
		});
	}

	/** Sends a request; false (with {@link problem} set) when it was refused. */
	async #send(run: () => Promise<object>): Promise<boolean> {
		return (await this.attempt(run)) !== null;
	}

	/**
	 * Starts a comparison of `settings` at time 0, playing when `play`. Rejects with the worker's
	 * {@link CompareRequestError} (naming the field) when the settings are refused; the running
	 * comparison then carries on.
	 */
	async load(settings: CompareSettings, play = true): Promise<void> {
		await this.client.request({ type: 'load', settings, play });
		this.problem = null;
	}

	play(): Promise<boolean> {
		return this.#send(() => this.client.request({ type: 'play' }));
	}

	pause(): Promise<boolean> {
		return this.#send(() => this.client.request({ type: 'pause' }));
	}

	setSpeed(speed: number): Promise<boolean> {
		return this.#send(() => this.client.request({ type: 'speed', speed }));
	}

	/** Back to time 0 of the same comparison, paused. */
	reset(): Promise<boolean> {
		return this.#send(() => this.client.request({ type: 'reset' }));
	}

	/** Runs to the end as fast as the worker can. */
	finish(): Promise<boolean> {
		return this.#send(() => this.client.request({ type: 'finish' }));
	}
}

export { CompareRequestError };
