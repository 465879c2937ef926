// The editor's draft kept in the browser: saved and read back whole; anything stored that is not
// a draft is reported or ignored, never trusted; a storage that refuses or throws loses nothing
// and says why.
import { describe, expect, it } from 'vitest';
import { builtinJson } from '$lib/core/scenarios/index';
import {
	DRAFT_KEY,
	coerceDraft,
	readDraft,
	removeDraft,
	writeDraft,
	type StoredDraft
} from '$lib/state/draft-store';
import { draftFromJson } from '$lib/state/scenario-draft';
import type { ScenarioJson } from '$lib/state/url-state';

function memoryStorage() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
}

const stored = (id: string): StoredDraft => ({
	draft: draftFromJson(builtinJson(id) as ScenarioJson),
	origin: `a copy of ${id}`,
	savedAt: '2025-01-01T00:00:00.000Z'
});

describe('the saved draft', () => {
	it('reads back exactly what was saved, half-typed fields included', () => {
		const s = memoryStorage();
		const value = stored('itsossia');
		value.draft.cluster.members[0]!.cpus = '4x';
		value.draft.cluster.members[1]!.devices = '[ { "rdev": ';
		expect(writeDraft(s, DRAFT_KEY, value)).toBeNull();
		expect(readDraft(s, DRAFT_KEY)).toEqual({ ok: true, value });
	});

	it('is none when nothing is saved or there is no storage, and can be removed', () => {
		const s = memoryStorage();
		expect(readDraft(s, DRAFT_KEY)).toEqual({ ok: true, value: null });
		expect(readDraft(null, DRAFT_KEY)).toEqual({ ok: true, value: null });
		writeDraft(s, DRAFT_KEY, stored('gdl'));
		removeDraft(s, DRAFT_KEY);
		expect(s.items.size).toBe(0);
	});

	it('reports a saved value that is not a draft of this version', () => {
		const s = memoryStorage();
		s.setItem(DRAFT_KEY, '{not json');
		expect(readDraft(s, DRAFT_KEY)).toEqual({
			ok: false,
			reason: 'the saved draft is not valid JSON'
		});
		s.setItem(DRAFT_KEY, JSON.stringify({ version: 99, draft: {} }));
		expect(readDraft(s, DRAFT_KEY)).toEqual({
			ok: false,
			reason: 'the saved draft is not one this version can read'
		});
	});

	it('says why when the browser refuses to save or read', () => {
		const full = {
			...memoryStorage(),
			setItem: () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			getItem: () => {
				throw new Error('access denied');
			}
		};
		expect(writeDraft(full, DRAFT_KEY, stored('gdl'))).toBe(
			'the browser refused to save it (The quota has been exceeded.)'
		);
		expect(writeDraft(null, DRAFT_KEY, stored('gdl'))).toBe('this browser offers no storage');
		expect(readDraft(full, DRAFT_KEY)).toEqual({
			ok: false,
			reason: "the browser's storage cannot be read (access denied)"
		});
		expect(() =>
			removeDraft(
				{
					...full,
					removeItem: () => {
						throw new Error('no');
					}
				},
				DRAFT_KEY
			)
		).not.toThrow();
	});

	it('takes only the fields of a draft, of the right types, from whatever was stored', () => {
		const d = coerceDraft({
			name: 'x',
			seed: 7,
			cluster: {
				members: [
					{ name: 'A', facilities: ['GIEF', 3], cpus: 4, __proto__: { evil: true } },
					'junk'
				],
				links: [{ a: 'A', b: 'B', useDevices: 'yes', devices: [{ chpid: '4A', a: 1 }] }],
				domains: [{ name: 'D', members: ['A', null] }]
			},
			guests: [{ user: 'U', vmcf: true }],
			script: [{ action: 'launch', at: '1s', reipl: 'true' }],
			params: { heartbeatMs: '3s', joinMs: 5 }
		});
		expect(d.name).toBe('x');
		expect(d.seed).toBe('');
		const m = d.cluster.members;
		expect(m).toHaveLength(2);
		expect(m[0]).toMatchObject({ name: 'A', facilities: ['GIEF'], cpus: '' });
		expect(m[1]).toMatchObject({ name: 'MEMBER1', facilities: null });
		expect(Object.keys(m[0]!)).not.toContain('evil');
		expect(d.cluster.links[0]).toMatchObject({
			a: 'A',
			useDevices: false,
			devices: [{ chpid: '4A', a: '', b: '' }]
		});
		expect(d.cluster.domains[0]!.members).toEqual(['A']);
		expect(d.guests[0]!.vmcf).toBe('');
		expect(d.script[0]).toMatchObject({ action: 'command', at: '1s', reipl: 'true' });
		expect(d.params.heartbeatMs).toBe('3s');
		expect(d.params.joinMs).toBe('');
		expect(coerceDraft('nonsense').cluster.members).toEqual([]);
	});
});
