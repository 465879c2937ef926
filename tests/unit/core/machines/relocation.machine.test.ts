import { describe, expect, it } from 'vitest';
import {
	STATUS_TEXT,
	isQuiesced,
	nextRelocationPhase,
	type RelocationEvent,
	type RelocationPhase
} from '$lib/core/machines/relocation.machine';

const done = (eligible = true): RelocationEvent => ({ type: 'relocation.phaseDone', eligible });
const quiesce = (eligible = true): RelocationEvent => ({ type: 'relocation.quiesce', eligible });
const cancel: RelocationEvent = { type: 'relocation.cancel', by: 'CELESKEY' };

function walk(events: RelocationEvent[]): RelocationPhase[] {
	const out: RelocationPhase[] = ['Eligibility'];
	for (const e of events) out.push(nextRelocationPhase(out.at(-1)!, e));
	return out;
}

describe('relocation phase machine (000 §3.6.2, z/VM 6.2 performance report)', () => {
	it('runs the phases in order to Relocated', () => {
		expect(walk([done(), done(), quiesce(), done(), done(), done(), done()])).toEqual([
			'Eligibility',
			'CreatingSkeleton',
			'MovingMemory',
			'MovingGuest',
			'FinalMemCopy',
			'Resuming',
			'CleaningUp',
			'Relocated'
		]);
	});

	it('is quiesced for exactly the final two passes: Moving Guest and Final Mem Copy', () => {
		const quiesced = walk([done(), done(), quiesce(), done(), done(), done(), done()]).filter(
			isQuiesced
		);
		expect(quiesced).toEqual(['MovingGuest', 'FinalMemCopy']);
	});

	it('prints the four status strings of VMRELOCATE STATUS', () => {
		expect(Object.values(STATUS_TEXT)).toEqual([
			'Moving Memory',
			'Moving Guest',
			'Final Mem Copy',
			'Cleaning Up'
		]);
	});

	it('an ineligible guest is rejected before anything moves', () => {
		expect(nextRelocationPhase('Eligibility', done(false))).toBe('Rejected');
	});

	const undoable: RelocationPhase[] = [
		'Eligibility',
		'CreatingSkeleton',
		'MovingMemory',
		'MovingGuest',
		'FinalMemCopy'
	];
	it.each(undoable)('CANCEL in %s leaves the guest on the source (001)', (phase) => {
		expect(nextRelocationPhase(phase, cancel)).toBe('Cancelled');
	});

	it.each(undoable.slice(1))(
		'MAXQUIESCE or MAXTOTAL exceeded in %s cancels it (000 App. A.1.7)',
		(phase) => {
			expect(
				nextRelocationPhase(phase, { type: 'relocation.limitExceeded', limit: 'MAXQUIESCE' })
			).toBe('Cancelled');
			expect(
				nextRelocationPhase(phase, { type: 'relocation.limitExceeded', limit: 'MAXTOTAL' })
			).toBe('Cancelled');
		}
	);

	it.each(undoable.slice(1))(
		'a failed eligibility re-check or a lost destination in %s terminates it',
		(phase) => {
			expect(nextRelocationPhase(phase, { type: 'relocation.destinationLost' })).toBe('Terminated');
			const recheck = phase === 'MovingMemory' ? quiesce(false) : done(false);
			expect(nextRelocationPhase(phase, recheck)).toBe('Terminated');
		}
	);

	it('once the guest resumes on the destination nothing can undo it', () => {
		for (const phase of ['Resuming', 'CleaningUp'] as const) {
			expect(nextRelocationPhase(phase, cancel)).toBe(phase);
			expect(nextRelocationPhase(phase, { type: 'relocation.destinationLost' })).toBe(phase);
		}
	});

	it('final phases accept nothing', () => {
		for (const phase of ['Relocated', 'Cancelled', 'Terminated', 'Rejected'] as const) {
			expect(nextRelocationPhase(phase, done())).toBe(phase);
			expect(nextRelocationPhase(phase, cancel)).toBe(phase);
		}
	});
});
