/**
 * The embed's end of the postMessage API (api.ts): listens on its window for messages from its
 * parent at the one origin it was given, answers each command in order, and posts replies and
 * events to that origin only (never `*`). Anything else (another window, another origin, data
 * that is not a Quiesce message) is dropped without a word and counted in `ignored`.
 */
import {
	API_VERSION,
	parseMessage,
	type Command,
	type EmbedEvent,
	type EmbedState,
	type MessageId,
	type Reply
} from './api';

/** Distributes `Omit` over a union, so each event keeps its own fields. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventBody = Without<EmbedEvent, 'quiesce' | 'kind'>;

/** What a command comes to: its result, or the error the reply carries. */
export type CommandResult = { ok: true } | { ok: false; error: string };

export class EmbedBridge {
	/** Messages dropped: from another window or origin, or not Quiesce messages at all. */
	ignored = 0;
	#queue: Promise<void> = Promise.resolve();
	readonly #listener: (e: MessageEvent) => void;

	constructor(
		private readonly self: Window,
		private readonly parent: Window,
		private readonly origin: string,
		private readonly run: (command: Command) => Promise<CommandResult>,
		private readonly state: () => EmbedState | null,
		private readonly onignored: (count: number) => void = () => {}
	) {
		this.#listener = (e) => this.#receive(e);
		self.addEventListener('message', this.#listener);
	}

	/** Stops listening. */
	close(): void {
		this.self.removeEventListener('message', this.#listener);
	}

	/** Posts an event to the host. */
	emit(body: EventBody): void {
		this.#post({ quiesce: API_VERSION, kind: 'event', ...body } as EmbedEvent);
	}

	#post(message: Reply | EmbedEvent): void {
		// Only ever to the origin the embed was given: the target origin is never '*'.
		this.parent.postMessage(message, this.origin);
	}

	#ignore(): void {
		this.ignored += 1;
		this.onignored(this.ignored);
	}

	#receive(e: MessageEvent): void {
		// A frame that is not embedded is its own parent: nothing may drive it.
		if (this.parent === this.self || e.source !== this.parent || e.origin !== this.origin) {
			this.#ignore();
			return;
		}
		const parsed = parseMessage(e.data);
		if (parsed.kind === 'ignore') {
			this.#ignore();
			return;
		}
		if (parsed.kind === 'invalid') {
			this.#reply(parsed.id, parsed.command, { ok: false, error: parsed.error });
			return;
		}
		const { id, command } = parsed;
		// One command at a time, answered in the order they came.
		this.#queue = this.#queue.then(async () => {
			let result: CommandResult;
			try {
				result = await this.run(command);
			} catch (err) {
				result = { ok: false, error: err instanceof Error ? err.message : String(err) };
			}
			this.#reply(id, command.command, result);
		});
	}

	#reply(id: MessageId, command: string | null, result: CommandResult): void {
		this.#post(
			result.ok
				? { quiesce: API_VERSION, kind: 'reply', id, command, ok: true, state: this.state() }
				: { quiesce: API_VERSION, kind: 'reply', id, command, ok: false, error: result.error }
		);
	}
}
