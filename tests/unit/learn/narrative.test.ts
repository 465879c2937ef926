import { describe, expect, it } from 'vitest';
import { narrativeParts } from '$lib/learn/narrative';

describe('narrativeParts', () => {
	it('marks `backticked` commands as code', () => {
		expect(narrativeParts('Type `Q SSI` on `ITSOSSI5`.')).toEqual([
			{ text: 'Type ', code: false },
			{ text: 'Q SSI', code: true },
			{ text: ' on ', code: false },
			{ text: 'ITSOSSI5', code: true },
			{ text: '.', code: false }
		]);
	});

	it('keeps an unpaired backtick as text', () => {
		expect(narrativeParts('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
	});
});
