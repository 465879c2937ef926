/**
 * The page's side of the relocations' chart records (relocation-history.ts builds them in the
 * worker). Pure, and light to import on the page (types only).
 */
import type { HistoryUpdate, RelocationHistory } from './protocol';

/** No records: what the page holds before the first frame. Never mutated. */
export const NO_HISTORIES: ReadonlyMap<number, RelocationHistory> = new Map();

/**
 * The records the page holds after an update: a reset replaces them, otherwise the update's
 * replace those of the same relocation; records of relocations no longer shown are dropped.
 * Returns `held` itself when nothing changed, so that views fed from it keep their inputs.
 */
export function mergeHistories(
	held: ReadonlyMap<number, RelocationHistory>,
	update: HistoryUpdate | null,
	shown: readonly { id: number }[]
): ReadonlyMap<number, RelocationHistory> {
	const keep = new Set(shown.map((r) => r.id));
	const stale = [...held.keys()].some((id) => !keep.has(id));
	if (!update && !stale) return held;
	if (update && !update.reset && update.relocations.length === 0 && !stale) return held;
	const next = new Map(update?.reset ? [] : held);
	for (const h of update?.relocations ?? []) next.set(h.id, h);
	for (const id of [...next.keys()]) if (!keep.has(id)) next.delete(id);
	return next;
}
