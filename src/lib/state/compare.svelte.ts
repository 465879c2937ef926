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

export class CompareSession {
	/** The latest frame, or null before the first one. Replaced whole, never mutated. */
	view = $state.raw<CompareView | null>(null);
	/** The latest narration for the polite status region. */
	announcement = $state('');
	/** The last problem to show (a refused request, a failed worker), or null. */
	problem = $state<string | null>(null);

	#client: CompareClient | null = null;
	#unsubscribe: (() => void)[] = [];

	/** Starts the worker. Safe to call more than once. */
	start(): void {
		if (this.#client) return;
		const client = createCompareClient();
		this.#client = client;
		this.#unsubscribe.push(
			client.subscribe((view) => {
				const said = narrateCompare(this.view, view);
				if (said) this.announcement = said;
				this.view = view;
			}),
			client.onProblem((message) => (this.problem = message))
		);
	}

	/** Stops the worker and forgets it. */
	stop(): void {
		for (const u of this.#unsubscribe) u();
		this.#unsubscribe = [];
		this.#client?.terminate();
		this.#client = null;
	}

	get client(): CompareClient {
		if (!this.#client) throw new Error('the compare worker is not started');
		return this.#client;
	}

	async #try(run: () => Promise<unknown>): Promise<boolean> {
		try {
			await run();
			return true;
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			return false;
		}
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
		return this.#try(() => this.client.request({ type: 'play' }));
	}

	pause(): Promise<boolean> {
		return this.#try(() => this.client.request({ type: 'pause' }));
	}

	setSpeed(speed: number): Promise<boolean> {
		return this.#try(() => this.client.request({ type: 'speed', speed }));
	}

	/** Back to time 0 of the same comparison, paused. */
	reset(): Promise<boolean> {
		return this.#try(() => this.client.request({ type: 'reset' }));
	}

	/** Runs to the end as fast as the worker can. */
	finish(): Promise<boolean> {
		return this.#try(() => this.client.request({ type: 'finish' }));
	}

	dismissProblem(): void {
		this.problem = null;
	}
}

export { CompareRequestError };
