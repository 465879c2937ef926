/**
 * What the pages' sessions over a worker share (SimSession for the lab, CompareSession for
 * compare mode): the narration and the problem as reactive state, starting and stopping the
 * worker's client, and running a request so that a refusal becomes the problem shown instead of
 * a throw. Each session adds how it takes in frames and the requests of its protocol.
 */

/** What a session needs of any worker client. */
export interface SessionClient {
	/** Calls `fn` with problems not tied to a request; returns the unsubscribe function. */
	onProblem(fn: (message: string) => void): () => void;
	terminate(): void;
}

export abstract class WorkerSession<C extends SessionClient> {
	/** The latest narration for the page's one polite status region. */
	announcement = $state('');
	/** The last problem to show the user (a refused request, a failed worker), or null. */
	problem = $state<string | null>(null);

	#client: C | null = null;
	#unsubscribe: (() => void)[] = [];

	/** `notStarted`: the error thrown when a request is made before {@link start}. */
	constructor(private readonly notStarted: string) {}

	/** Creates the worker and its client (browser only). */
	protected abstract connect(): C;

	/** Takes in the client's frames; returns the unsubscribe function. */
	protected abstract listen(client: C): () => void;

	/** Starts the worker. Safe to call more than once. */
	start(): void {
		if (this.#client) return;
		const client = this.connect();
		this.#client = client;
		this.#unsubscribe.push(
			this.listen(client),
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

	get client(): C {
		if (!this.#client) throw new Error(this.notStarted);
		return this.#client;
	}

	/** Runs a request, turning a refusal into {@link problem} (and `null`) instead of a throw. */
	protected async attempt<T>(run: () => Promise<T>): Promise<T | null> {
		try {
			return await run();
		} catch (e) {
			this.problem = e instanceof Error ? e.message : String(e);
			return null;
		}
	}

	dismissProblem(): void {
		this.problem = null;
	}
}
