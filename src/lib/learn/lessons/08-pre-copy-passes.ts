/**
 * Lesson 8: the memory passes of a relocation on ITSOSSIA's 100 MB/s links: an idle guest, a
 * busy one, the busy one over a link with more CTCs, and how long each is stopped.
 */
import type { SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

const cp = (on: string, text: string): SimInput => ({ kind: 'command', on, text });

export const PRE_COPY_PASSES: Lesson = {
	slug: 'pre-copy-passes',
	title: 'Memory in passes: why a busy guest needs more of them',
	summary:
		'Relocate an idle and a busy Linux guest, count the passes through memory, then give the link more CTCs and watch the busy guest converge.',
	sources: [
		{ doc: '000', section: '§3.2' },
		{ doc: '000', section: '§3.2.1' },
		{ doc: '001', section: '"Live Guest Relocation ..."' },
		{ doc: '001', section: '"CTC Connections – How Many Do I Need?"' }
	],
	script: {
		scenario: 'itsossia',
		seed: 8,
		prelude: { runMs: 5000 },
		steps: [
			{
				runMs: 50_000,
				speed: 12,
				inputs: [{ after: 0, input: cp('ITSOSSI1', 'vmrelocate move itsolnx1 itsossi2') }]
			},
			{
				runMs: 75_000,
				speed: 18,
				inputs: [
					{
						after: 0,
						input: {
							kind: 'guest.workload',
							user: 'ITSOLNX3',
							on: 'ITSOSSI3',
							workload: 'database'
						}
					},
					{ after: 1000, input: cp('ITSOSSI3', 'vmrelocate move itsolnx3 itsossi4') }
				]
			},
			{
				runMs: 15_000,
				speed: 4,
				inputs: [
					{
						after: 0,
						input: { kind: 'link.ctcs', link: 'ITSOSSI3-ITSOSSI4', chpid: '53', ctcs: 4 }
					},
					{
						after: 0,
						input: { kind: 'link.ctcs', link: 'ITSOSSI3-ITSOSSI4', chpid: '43', ctcs: 4 }
					},
					{ after: 1000, input: cp('ITSOSSI4', 'vmrelocate move itsolnx3 itsossi3') }
				]
			},
			{
				runMs: 15_000,
				speed: 4,
				inputs: [{ after: 0, input: cp('ITSOSSI4', 'vmrelocate move itsolnx4 itsossi3') }]
			}
		]
	},
	steps: [
		{
			title: 'An idle guest',
			body: [
				'A relocation moves a running guest’s memory in passes. The first pass sends every page the guest has; each later pass sends only the pages the guest changed since the previous one. When CP judges that what is left is small, it stops (quiesces) the guest and sends the rest, with the guest’s state and I/O devices (000 §3.2).',
				'In the simulation the stop covers two passes: the one that sends what the CPUs changed, and a last one for what the guest’s I/O wrote into its memory until its devices moved. Both count in the pass total.',
				'ITSOLNX1 is a 4 GB Linux guest with little to do. Its link to ITSOSSI2 has two CTCs and carries about 100 MB/s each way. The operator types `vmrelocate move itsolnx1 itsossi2`.'
			],
			look: 'The Relocations panel: the pass counter and the page map.',
			question: {
				prompt: 'How many passes through memory will the relocation of ITSOLNX1 make in all?',
				observe: { of: 'relocation-figure', user: 'ITSOLNX1', figure: 'passes' },
				choices: [
					{ label: '3 or fewer', when: { below: 4 } },
					{ label: '4 to 8', when: { between: [4, 9] } },
					{ label: '9 or more', when: { atLeast: 9 } }
				],
				explain:
					'The first pass takes most of a minute: 1,048,576 pages at about 100 MB/s. An idle guest rewrites only a few thousand pages in that time, few enough to send in a blink, so CP quiesces right after it. Two short passes while the guest is stopped finish the job: three in all.'
			}
		},
		{
			title: 'A busy database',
			body: [
				'000 §3.2.1 names the guest’s page change rate as a factor: a guest that changes pages rapidly has more to send in every pass. ITSOLNX3 now runs a database: a buffer pool that fills its memory, with hot rows, indexes and log pages rewritten thousands of times a second.',
				'The operator moves it over the same kind of link, `vmrelocate move itsolnx3 itsossi4`.'
			],
			look: 'The convergence chart: the pages of each pass.',
			question: {
				prompt: 'How many times as many passes as ITSOLNX1 does the database guest need?',
				observe: {
					of: 'relocation-ratio',
					user: 'ITSOLNX3',
					other: 'ITSOLNX1',
					figure: 'passes'
				},
				choices: [
					{ label: 'About as many (under 1.5×)', when: { below: 1.5 } },
					{ label: '1.5× to 3×', when: { between: [1.5, 3] } },
					{ label: '3× or more', when: { atLeast: 3 } }
				],
				explain:
					'While the long first pass ran, the database changed hundreds of thousands of pages, so the second pass had a lot to send. Each pass was shorter than the one before, so fewer pages changed during it, and the passes shrank, until the guest was rewriting its hot pages about as fast as the link sent them. When the changed set stops shrinking, more passes cannot help: CP then quiesces the guest anyway and sends what is left while it is stopped.'
			}
		},
		{
			title: 'More CTCs',
			body: [
				'The other lever is the link. A logical link has 1 to 16 CTC devices; 001 recommends four per FICON CHPID, and faster or more CTCs shorten relocation and quiesce times (000 §3.2.1; 001 "CTC Connections – How Many Do I Need?").',
				'The link between ITSOSSI3 and ITSOSSI4 is given four CTCs on each of its two CHPIDs: about 700 MB/s each way. Then the same database guest is moved back, `vmrelocate move itsolnx3 itsossi3`.'
			],
			look: 'The link card of ITSOSSI3–ITSOSSI4 and the Relocations panel.',
			question: {
				prompt: 'Same guest, same workload, a link seven times as fast: how many passes now?',
				observe: { of: 'relocation-figure', user: 'ITSOLNX3', figure: 'passes' },
				choices: [
					{ label: '4 or fewer', when: { below: 5 } },
					{ label: '5 to 12', when: { between: [5, 13] } },
					{ label: '13 or more', when: { atLeast: 13 } }
				],
				explain:
					'The first pass now takes seconds instead of most of a minute, so the database changes far fewer pages during it. The second pass is short, and what changes during it is small enough to send while the guest is stopped. Convergence is a race between the page change rate and the link: the faster link wins it.'
			}
		},
		{
			title: 'Busy, but stopped about as briefly',
			body: [
				'How long is the guest stopped? CP only quiesces once it expects the rest to move in a fraction of a second, so the stop depends on what is left, not on how long the passes before it took.',
				'For comparison, the idle guest ITSOLNX4 now crosses the same fast link: `vmrelocate move itsolnx4 itsossi3`.'
			],
			look: 'The quiesce window chart of each relocation.',
			question: {
				prompt: 'How does the database guest’s stop on this link compare with the idle guest’s?',
				observe: {
					of: 'relocation-ratio',
					user: 'ITSOLNX3',
					other: 'ITSOLNX4',
					figure: 'quiesceMs'
				},
				choices: [
					{ label: 'Under 3× as long: both a fraction of a second', when: { below: 3 } },
					{ label: '3× to 10× as long', when: { between: [3, 10] } },
					{ label: '10× as long or more', when: { atLeast: 10 } }
				],
				explain:
					'Both guests are stopped for well under a second. Much of the stop is moving the guest’s state and I/O devices, the same for both; the busy guest adds only the small remainder of its last passes. The busy guest took more passes and longer in all, but it was not stopped much longer. Over the slow link in step 2 it was stopped several times as long as the idle guest, because its changed set stopped shrinking before it was small; even then the stop stayed under a second.'
			}
		}
	]
};
