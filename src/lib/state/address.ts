/**
 * The lab's address as link state: where in a URL the state is read from, how the address is
 * written back (a built-in keeps `?scenario=<id>` in the query; the whole state goes in the
 * hash, which is never sent to a server and changes without a reload), the error shown for a
 * link that cannot be opened, and a throttle for writing the address while the run plays.
 * Pure TypeScript (timers injected in tests): no `location`, no `history`.
 */
import type { ScenarioRef } from './url-state';

/**
 * The link-state text of an address, or null when it carries none: the hash when it holds
 * parameters (`#v=1&…`; a plain anchor such as `#main` is not state), else the query when it
 * has a `v` parameter (a link written by hand or by another tool). A bare `?scenario=<id>` is
 * the older "choose a built-in" address, not link state.
 */
export function linkText(url: URL): string | null {
	const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
	if (hash.includes('=')) return hash;
	return url.searchParams.has('v') ? url.search : null;
}

/** A route path with a query or a hash, as SvelteKit's `resolve` takes it. */
export type LinkPath = `/?${string}` | `/#${string}`;

/**
 * The address to show for a state, relative to the app's root (pass it through `resolve` for
 * the base path): `?scenario=<id>` for a built-in (so the older form keeps working, and the
 * scenario shows in the address), and the encoded state as the hash.
 */
export function addressFor(scenario: ScenarioRef, encoded: string): LinkPath {
	return 'builtin' in scenario
		? `/?scenario=${encodeURIComponent(scenario.builtin)}#${encoded}`
		: `/#${encoded}`;
}

/** Errors in a link, for an alert: every one (up to `max`), then what the page does instead. */
export function linkProblem(errors: readonly string[], fallback: string, max = 5): string {
	const shown = errors.slice(0, max).join('; ');
	const more = errors.length > max ? ` (and ${errors.length - max} more)` : '';
	return `This link could not be opened: ${shown}${more}. Showing the default scenario, ${fallback}, instead.`;
}

/** Timers, injectable for tests. */
export interface Timers {
	set(fn: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const realTimers: Timers = {
	set: (fn, ms) => setTimeout(fn, ms),
	clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
};

/**
 * Writes the address at most once per `delayMs` while the state keeps changing (a playing run
 * changes it every frame): the first change starts the wait, later ones ride along, and the
 * address written is built when the wait ends, so it is never older than `delayMs`. A write
 * whose build is overtaken by a newer one is dropped.
 */
export class AddressWriter<A extends string = string> {
	private timer: unknown = null;
	private seq = 0;

	constructor(
		private readonly build: () => Promise<A | null>,
		private readonly write: (address: A) => void,
		private readonly delayMs = 1_000,
		private readonly timers: Timers = realTimers
	) {}

	/** Asks for a write within `delayMs` (no-op when one is already due). */
	schedule(): void {
		if (this.timer !== null) return;
		this.timer = this.timers.set(() => {
			this.timer = null;
			void this.flush();
		}, this.delayMs);
	}

	/** Builds and writes the address now; resolves with it (null when there was nothing to write). */
	async flush(): Promise<A | null> {
		this.cancel();
		const seq = ++this.seq;
		let address: A | null;
		try {
			address = await this.build();
		} catch {
			// The address is a convenience: a failed build leaves the previous one in place.
			return null;
		}
		if (address === null || seq !== this.seq) return address;
		this.write(address);
		return address;
	}

	/** Drops a pending write (the page is going away, or a load replaces the state). */
	cancel(): void {
		if (this.timer !== null) this.timers.clear(this.timer);
		this.timer = null;
	}
}
