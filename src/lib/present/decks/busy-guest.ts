/**
 * Deck: why a busy guest takes longer to relocate, and why its stop stays short. In the
 * simulation the busy guest's quiesce is a little longer than the idle one's but both stay
 * within the z/VM policy's budget (a quarter of a second of pages plus the guest state), which is
 * what the slides say: 000 §3.2.1 has the page-change rate affect "the total relocation time
 * and, possibly, quiesce time". The last slide shows where that ends: a guest that writes faster
 * than the link can move cannot converge, and MAXQUIESCE cancels it (000 App. A.1.7).
 */
import type { Deck } from '../deck';

const LINK = 'ITSOSSI1-ITSOSSI2';

export const busyGuest: Deck = {
	slug: 'busy-guest',
	title: 'Why the busy guest takes longer but stops no longer than it must',
	summary:
		'An idle and a busy guest relocate side by side: the busy one needs more passes and more time, yet both are stopped for only a fraction of a second. Then a guest that writes faster than the link, and MAXQUIESCE.',
	sources: [
		{ doc: '000', section: '§3.2' },
		{ doc: '000', section: '§3.2.1' },
		{ doc: '000', section: '§3.6.1' },
		{ doc: '000', section: 'App. A.1.7' },
		{ doc: '001', section: '"CTC Connections"' }
	],
	script: {
		scenario: 'itsossia',
		seed: 1,
		// Four CTCs on the link (two per CHPID) instead of the book's two: with more CTCs the
		// busy guest converges (000 §3.2.1, 001 "CTC Connections").
		prelude: {
			runMs: 1000,
			inputs: [
				{ after: 0, input: { kind: 'link.ctcs', link: LINK, chpid: '4A', ctcs: 2 } },
				{ after: 1, input: { kind: 'link.ctcs', link: LINK, chpid: '5A', ctcs: 2 } }
			]
		},
		steps: [
			{
				runMs: 3000,
				inputs: [
					{
						after: 0,
						input: { kind: 'guest.workload', user: 'ITSOLNX2', on: 'ITSOSSI2', workload: 'java-gc' }
					}
				]
			},
			{
				runMs: 30_000,
				speed: 3,
				inputs: [
					{
						after: 0,
						input: {
							kind: 'command',
							on: 'ITSOSSI1',
							text: 'vmrelocate move user itsolnx1 to itsossi2 asynchronous'
						}
					},
					{
						after: 0,
						input: {
							kind: 'command',
							on: 'ITSOSSI2',
							text: 'vmrelocate move user itsolnx2 to itsossi1 asynchronous'
						}
					}
				]
			},
			{ runMs: 1000 },
			{ runMs: 1000 },
			{
				runMs: 60_000,
				speed: 5,
				inputs: [
					{
						after: 0,
						input: { kind: 'guest.workload', user: 'ITSOLNX2', on: 'ITSOSSI1', workload: 'muncher' }
					},
					{
						after: 1000,
						input: {
							kind: 'command',
							on: 'ITSOSSI1',
							text: 'vmrelocate move user itsolnx2 to itsossi2'
						}
					}
				]
			}
		]
	},
	slides: [
		{
			title: 'Two guests: one idle, one busy',
			points: [
				'ITSOLNX1 on ITSOSSI1 is idle',
				'ITSOLNX2 on ITSOSSI2 runs a Java server: it rewrites memory all the time',
				'Same size, same link (four CTCs), opposite directions'
			],
			notes: [
				"Both guests have the same memory. ITSOLNX2's workload is set to the Java preset: a hot heap written 25,000 times a second and a garbage collection every 30 seconds. ITSOLNX1 stays idle.",
				"The link between ITSOSSI1 and ITSOSSI2 was given four CTCs, two per CHPID, instead of the book's two: more CTCs mean shorter relocations and quiesces (000 §3.2.1; 001 recommends four CTCs per FICON CHPID). Each direction has its own CTCs, so the two moves do not slow each other."
			],
			autoRun: true,
			claims: [
				{
					says: 'ITSOLNX1 runs on ITSOSSI1',
					observe: { of: 'guest-member', user: 'ITSOLNX1' },
					holds: { is: 'ITSOSSI1' }
				},
				{
					says: 'ITSOLNX2 runs on ITSOSSI2',
					observe: { of: 'guest-member', user: 'ITSOLNX2' },
					holds: { is: 'ITSOSSI2' }
				},
				{
					says: 'the link has four CTCs: three written each way, 300 MB/s',
					observe: { of: 'link-capacity', link: LINK },
					holds: { is: 300 }
				}
			]
		},
		{
			title: 'Move both at once',
			points: [
				'`vmrelocate move … asynchronous` on each member',
				'Watch the pass counters: the idle guest settles quickly',
				'The busy guest dirties pages faster, so each pass has more to send'
			],
			notes: [
				'Press Next: both MOVEs are typed at the same moment, ASYNCHRONOUS so that each console answers at once (000 §3.6.1). The step plays at 3×.',
				'Each pass sends only the pages changed since the last one. For the idle guest that shrinks to almost nothing in a few passes. The busy guest keeps changing its heap, so its passes shrink more slowly and it needs more of them (000 §3.2, §3.2.1).'
			],
			autoRun: false,
			claims: [
				{
					says: 'the idle guest is relocated',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX1' },
					holds: { is: 'relocated' }
				},
				{
					says: 'the busy guest is relocated',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX2' },
					holds: { is: 'relocated' }
				}
			]
		},
		{
			title: 'The busy guest took longer',
			points: [
				'More passes over memory',
				'More pages sent: some of them two or three times',
				'More time in all: the guest ran the whole time'
			],
			notes: [
				'Read the results table: passes, total time, pages sent. In this run the busy guest needs about twice the passes and half as long again in total as the idle one.',
				'"The rate at which a Linux guest changes its pages in memory directly affects the total relocation time" (000 §3.2.1). The operator waits longer; nobody using the guest does.'
			],
			autoRun: true,
			claims: [
				{
					says: 'more passes (at least 1.5×)',
					observe: {
						of: 'relocation-ratio',
						user: 'ITSOLNX2',
						other: 'ITSOLNX1',
						figure: 'passes'
					},
					holds: { atLeast: 1.5 }
				},
				{
					says: 'more pages sent (at least 1.3×)',
					observe: {
						of: 'relocation-ratio',
						user: 'ITSOLNX2',
						other: 'ITSOLNX1',
						figure: 'pagesSent'
					},
					holds: { atLeast: 1.3 }
				},
				{
					says: 'longer in total (at least 1.3×)',
					observe: {
						of: 'relocation-ratio',
						user: 'ITSOLNX2',
						other: 'ITSOLNX1',
						figure: 'totalMs'
					},
					holds: { atLeast: 1.3 }
				}
			]
		},
		{
			title: '…but its stop stayed short',
			points: [
				'Both guests were stopped for under a third of a second',
				'CP stops a guest only when what is left fits in a short window',
				'The busy guest just needed more passes to get there'
			],
			notes: [
				"Compare the quiesce column. The busy guest's stop is a little longer than the idle one's: it still had some pages to send when it was stopped. But both are well under a second, and far under the 10-second MAXQUIESCE.",
				'CP does not publish its rule ("an internal algorithm determines that the guest needs to be quiesced", 000 §3.2). The simulation models it as: quiesce when the pages left can move in about a quarter of a second, or when passes stop shrinking. So a busier guest buys its short stop with more passes. The book says page changes affect the total time "and, possibly, quiesce time" (000 §3.2.1): this is that "possibly".'
			],
			autoRun: true,
			claims: [
				{
					says: 'the idle guest stopped under ⅓ s',
					observe: { of: 'relocation-figure', user: 'ITSOLNX1', figure: 'quiesceMs' },
					holds: { below: 334 }
				},
				{
					says: 'the busy guest stopped under ⅓ s',
					observe: { of: 'relocation-figure', user: 'ITSOLNX2', figure: 'quiesceMs' },
					holds: { below: 334 }
				},
				{
					says: 'the stop grew far less than the total (under 4× the idle stop)',
					observe: {
						of: 'relocation-ratio',
						user: 'ITSOLNX2',
						other: 'ITSOLNX1',
						figure: 'quiesceMs'
					},
					holds: { below: 4 }
				}
			]
		},
		{
			title: 'Unless it writes faster than the link',
			points: [
				'ITSOLNX2 now sweeps its memory faster than the CTCs can carry it',
				'Passes never shrink: the stop would have to move everything',
				'MAXQUIESCE cancels the move: `HCPRLU1930I`, and the guest stays put'
			],
			notes: [
				"Press Next: ITSOLNX2's workload becomes a memory muncher writing 1.6 GB/s, and it is moved back to ITSOSSI2. No pass can catch up, so CP has to stop it with nearly all its memory still to send, and that takes longer than the 10-second MAXQUIESCE (000 §3.6.1). The step plays at 5×.",
				'CP cancels the relocation with HCPRLU1930I "The maximum quiesce time was exceeded", and the guest goes on running on the source, as in 000 App. A.1.7. The book\'s advice: does the application allow a longer quiesce, and is other activity slowing the move?'
			],
			autoRun: false,
			claims: [
				{
					says: 'the move is cancelled',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX2' },
					holds: { is: 'cancelled' }
				},
				{
					says: 'CP says HCPRLU1930I',
					observe: { of: 'console-says', member: 'ITSOSSI1', text: 'HCPRLU1930I' },
					holds: { is: true }
				},
				{
					says: 'ITSOLNX2 still runs on ITSOSSI1',
					observe: { of: 'guest-member', user: 'ITSOLNX2' },
					holds: { is: 'ITSOSSI1' }
				}
			]
		}
	]
};
