/**
 * Lesson 10: the storage and paging checks of 000 §3.4 and FORCE STORAGE, on the App. A.1.9
 * scenario (a 20 GB guest whose maximum storage exceeds ITSOSSI6's capacity and paging space).
 */
import type { SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

const cp = (on: string, text: string): SimInput => ({ kind: 'command', on, text });

export const STORAGE_CHECKS: Lesson = {
	slug: 'storage-checks',
	title: 'Storage and paging checks, and what FORCE STORAGE overrides',
	summary:
		'A 20 GB guest fails the destination’s capacity and paging checks: force them, see what FORCE cannot override, and fix the cause with another paging volume.',
	sources: [
		{ doc: '000', section: '§3.4 (Figures 3-1 … 3-4)' },
		{ doc: '000', section: '§3.6.1 (FORCE options)' },
		{ doc: '000', section: 'App. A.1.8 (Examples A-21 … A-26)' },
		{ doc: '000', section: 'App. A.1.9 (Examples A-27, A-28)' },
		{ doc: '000', section: 'App. A.1.6' }
	],
	script: {
		scenario: 'a19-capacity',
		seed: 7,
		steps: [
			// The scenario's own TEST is typed at 12:01:39 (9 s in).
			{ runMs: 12_000, speed: 4 },
			{
				runMs: 5000,
				speed: 2,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6 force storage') }
				]
			},
			{
				runMs: 5000,
				speed: 2,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'set vmrelocate user lnxsu12 domain itsossi5') },
					{ after: 1000, input: cp('ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6 force storage') }
				]
			},
			{
				runMs: 6000,
				speed: 2,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'set vmrelocate user lnxsu12 domain ssi') },
					{ after: 1000, input: cp('ITSOSSI6', 'attach 9c22 to system') },
					{ after: 2000, input: cp('ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6') }
				]
			},
			{
				runMs: 10_000,
				speed: 3,
				inputs: [{ after: 0, input: cp('ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6') }]
			}
		]
	},
	steps: [
		{
			title: 'Four storage checks',
			body: [
				'Before a relocation starts, CP checks the destination’s memory and paging (000 §3.4). One check must pass in every case: the guest’s current storage has to fit in the space available on the destination (Figure 3-1).',
				'Three more look ahead, at what the guest could grow to: its storage against the destination’s auxiliary paging space (Figure 3-2), its maximum storage against all the storage and paging the destination has free (3-3), and its maximum storage against the paging space (3-4).',
				'LNXSU12 is defined with 20 GB (`USER LNXSU12 G4D703J0 20G 20G G`) and uses about 2 GB of it. ITSOSSI6 has 20 GB of storage, most of it in use, and two paging volumes. At 12:01:39 the operator tests the move (000 App. A.1.9).'
			],
			look: 'The ITSOSSI5 console.',
			question: {
				prompt:
					'The paging-space check fails, as it did for a 10 GB guest in App. A.1.8. Does the capacity check (HCPRLL1811I) fail too?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'HCPRLL1811I' },
				choices: [
					{ label: 'No, only the paging-space check (HCPRLL1813I)', when: { is: false } },
					{ label: 'Yes, both', when: { is: true } }
				],
				explain:
					'Both fail, as in the book’s Example A-28. `HCPRLL1811I`: the guest’s maximum storage use, 20 GB plus what CP needs to manage it, exceeds ITSOSSI6’s free storage and paging together. `HCPRLL1813I`: its maximum pageable storage exceeds the free paging space alone. The book calls the capacity message "much more critical": if the guest ever used all 20 GB, ITSOSSI6 would have nowhere to put it.'
			}
		},
		{
			title: 'FORCE STORAGE',
			body: [
				'The three look-ahead checks can be overruled with the `FORCE STORAGE` operand, "with caution": the book warns that the result can be unpredictable, up to a guest abend or a z/VM abend if CP runs out of paging space (000 §3.6.1, App. A.1.8).',
				'The operator tests with it: `vmrelocate test lnxsu12 itsossi6 force storage`.'
			],
			look: 'The ITSOSSI5 console.',
			question: {
				prompt: 'Is LNXSU12 eligible with FORCE STORAGE?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'is eligible for relocation' },
				choices: [
					{ label: 'Yes', when: { is: true } },
					{ label: 'No, the capacity check still fails', when: { is: false } }
				],
				explain:
					'Both failing checks are among the three that FORCE STORAGE overrules, so CP answers that the guest is eligible. Its current 2 GB fits on ITSOSSI6; the check that could not be forced passes. Nothing about ITSOSSI6 has changed: the risk is now the operator’s.'
			}
		},
		{
			title: 'What FORCE STORAGE does not override',
			body: [
				'FORCE STORAGE is not a master key: it overrules the storage checks and nothing else. The fit of the current storage (Figure 3-1) is never forced, and neither are the device, domain and configuration checks of 000 §3.7.',
				'To see it, the operator puts LNXSU12 in the single-member domain ITSOSSI5, as the book did in App. A.1.6 (`set vmrelocate user lnxsu12 domain itsossi5`), and tests again with FORCE STORAGE.'
			],
			look: 'The ITSOSSI5 console.',
			question: {
				prompt: 'Is LNXSU12 still eligible with FORCE STORAGE?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'is eligible for relocation' },
				choices: [
					{ label: 'Yes: FORCE STORAGE lets it go', when: { is: true } },
					{ label: 'No: ITSOSSI6 is outside its domain', when: { is: false } }
				],
				explain:
					'CP refuses with `HCPRLE1944I`: ITSOSSI6 is outside the guest’s relocation domain. That needs `FORCE DOMAIN` (or `FORCE ARCHITECTURE DOMAIN`), a different override with its own cautions (000 §3.6.1, App. A.1.6). Each FORCE operand covers its own checks only.'
			}
		},
		{
			title: 'Fix the cause: more paging space',
			body: [
				'The lasting fix is on the destination. A formatted paging volume, SSI6P3 on 9C22, is ready on ITSOSSI6; `attach 9c22 to system` puts it to use, as App. A.1.8 did with SSI6P2 (Example A-25). The guest goes back to the cluster-wide domain first, `set vmrelocate user lnxsu12 domain ssi`.',
				'Then the operator tests again, without FORCE.'
			],
			look: 'The ITSOSSI5 and ITSOSSI6 consoles.',
			question: {
				prompt: 'One more paging volume: does the capacity check (HCPRLL1811I) still fail?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'HCPRLL1811I' },
				choices: [
					{ label: 'Yes: paging space does not add to capacity', when: { is: true } },
					{ label: 'No: both checks pass and the guest is eligible', when: { is: false } }
				],
				explain:
					'The capacity CP checks against is free storage plus free paging space (Figure 3-3), so a third volume of about 7 GB of paging lifts both figures above what LNXSU12 could ever use: CP answers that it is eligible. The book’s other remedy, more main storage, would help the capacity check only. Remember the planning rule of §3.4 too: paging space of at least twice the virtual memory of all guests, including those that may arrive, and no more than half of it in use.'
			}
		},
		{
			title: 'What actually moves',
			body: [
				'The checks count what LNXSU12 could grow to: 20 GB. The relocation moves what it has: the memory it has touched since it was started.',
				'The operator types `vmrelocate move lnxsu12 itsossi6`. A 20 GB guest has 5,242,880 pages of 4 KB.'
			],
			look: 'The Relocations panel: pages sent against the guest’s pages.',
			question: {
				prompt: 'How many pages does the relocation send in all?',
				observe: { of: 'relocation-figure', user: 'LNXSU12', figure: 'pagesSent' },
				choices: [
					{ label: 'Under a million: about the 2 GB in use', when: { below: 1_000_000 } },
					{ label: '1 to 5 million', when: { between: [1_000_000, 5_000_000] } },
					{ label: 'About 5.2 million: all 20 GB', when: { atLeast: 5_000_000 } }
				],
				explain:
					'Only the pages the guest has used travel: about half a million, in a few seconds. Pages it never touched have nothing in them to send. That is why a relocation forced past the look-ahead checks can succeed, as the book’s did (Example A-24), and why it is a gamble: the checks are about the day the guest uses its full 20 GB on ITSOSSI6.'
			}
		}
	]
};
