/** Every presenter deck, in the order the deck list shows them. */
import type { Deck } from '../deck';
import { busyGuest } from './busy-guest';
import { firstRelocation } from './first-relocation';
import { refusedRelocation } from './refused-relocation';

export const DECKS: readonly Deck[] = [firstRelocation, busyGuest, refusedRelocation];

/** The deck at `slug`, or undefined. */
export function deckBySlug(slug: string): Deck | undefined {
	return DECKS.find((d) => d.slug === slug);
}
