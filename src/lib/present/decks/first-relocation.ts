/** Deck: a first live guest relocation on the Redbook's four-member cluster, step by step. */
import type { Deck } from '../deck';

const TEST = 'vmrelocate test user itsolnx1 to itsossi2';
const MOVE = 'vmrelocate move user itsolnx1 to itsossi2';

export const firstRelocation: Deck = {
	slug: 'first-relocation',
	title: 'Your first relocation',
	summary:
		'A running Linux guest moves from one member of an SSI cluster to another: ask CP first with VMRELOCATE TEST, then MOVE it, and watch its memory go across in passes.',
	sources: [
		{ doc: '000', section: '§3.1' },
		{ doc: '000', section: '§3.2' },
		{ doc: '000', section: '§3.6.1' },
		{ doc: '000', section: '§3.6.2' },
		{ doc: '001', section: '"VMRELOCATE"' }
	],
	script: {
		scenario: 'itsossia',
		seed: 1,
		steps: [
			{ runMs: 3000 },
			{
				runMs: 2000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: TEST } }]
			},
			{
				runMs: 50_000,
				speed: 5,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: MOVE } }]
			},
			{ runMs: 1000 },
			{
				runMs: 2000,
				inputs: [
					{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: 'q user itsolnx1 at all' } }
				]
			}
		]
	},
	slides: [
		{
			title: 'One cluster, four members',
			points: [
				'ITSOSSIA: four z/VM members on two machines, joined in one Single System Image',
				'Each member runs a Linux guest: ITSOLNX1 runs on ITSOSSI1',
				'The members talk over ISFC links of FICON CTCs'
			],
			notes: [
				"This is the Redbook's first cluster: ITSOSSI1 and ITSOSSI2 on a z10 EC, ITSOSSI3 and ITSOSSI4 on a z196 (000 ch. 4). The banner says Stable: every member is joined and talking to every other.",
				'Point at ITSOLNX1 on ITSOSSI1. That is the guest we will move, while it keeps running. Live guest relocation exists for planned outages: move the work off a member, service the member, move it back (000 §3.1; 002 calls this continuous operations).'
			],
			autoRun: true,
			claims: [
				{ says: 'the cluster is Stable', observe: { of: 'cluster-mode' }, holds: { is: 'Stable' } },
				{
					says: 'ITSOLNX1 runs on ITSOSSI1',
					observe: { of: 'guest-member', user: 'ITSOLNX1' },
					holds: { is: 'ITSOSSI1' }
				}
			]
		},
		{
			title: 'Ask first: VMRELOCATE TEST',
			points: [
				'`vmrelocate test user itsolnx1 to itsossi2`',
				'CP checks every rule that could stop the move, and moves nothing',
				'Answer: eligible for relocation'
			],
			notes: [
				"Press Next to type the command on ITSOSSI1's console. TEST runs the same eligibility checks as MOVE, without moving anything (000 §3.6.1): the guest must be a single-configuration Linux guest, disconnected, with no devices or links the destination cannot give it (000 §3.3, §3.7).",
				'The console answers "User ITSOLNX1 is eligible for relocation to ITSOSSI2". The IBM advice is to TEST first, every time (000 §3.6.2).'
			],
			autoRun: false,
			claims: [
				{
					says: 'TEST answers eligible',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI1',
						text: 'User ITSOLNX1 is eligible for relocation to ITSOSSI2'
					},
					holds: { is: true }
				}
			]
		},
		{
			title: 'Move it while it runs',
			points: [
				'`vmrelocate move user itsolnx1 to itsossi2`',
				'Memory goes across in passes while the guest keeps running',
				'Then a short stop (the quiesce) for the last pages and the guest state'
			],
			notes: [
				'Press Next to type the MOVE. Watch the Relocations area: Moving Memory first, pass after pass, each sending only what changed since the last; then Moving Guest and Final Mem Copy, when the guest is stopped; then it resumes on ITSOSSI2 (000 §3.2).',
				'By default MOVE is SYNCHRONOUS and allows a quiesce of at most 10 seconds (MAXQUIESCE) with no limit on the total time (000 §3.6.1). The step plays at 5×.'
			],
			autoRun: false,
			claims: [
				{
					says: 'the relocation ends relocated',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX1' },
					holds: { is: 'relocated' }
				},
				{
					says: 'CP reports the guest relocated',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI1',
						text: 'User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2'
					},
					holds: { is: true }
				}
			]
		},
		{
			title: 'Passes, then a short stop',
			points: [
				'Several passes over memory, each smaller than the one before',
				'The guest was stopped for a fraction of a second',
				'The whole move took tens of seconds: the guest ran all that time'
			],
			notes: [
				'Read the figures off the results table: the passes, the total time and the quiesce time. The first pass sends every resident page; the later ones only what the guest changed meanwhile. When what is left is small enough, CP stops the guest, sends the rest with the guest state, and starts it on the destination (000 §3.2).',
				'The stop is what users could notice; the total time is how long the operator waits. The next deck shows what a busy guest does to each.'
			],
			autoRun: true,
			claims: [
				{
					says: 'more than one pass',
					observe: { of: 'relocation-figure', user: 'ITSOLNX1', figure: 'passes' },
					holds: { atLeast: 2 }
				},
				{
					says: 'a stop under a second',
					observe: { of: 'relocation-figure', user: 'ITSOLNX1', figure: 'quiesceMs' },
					holds: { below: 1000 }
				},
				{
					says: 'tens of seconds in all',
					observe: { of: 'relocation-figure', user: 'ITSOLNX1', figure: 'totalMs' },
					holds: { atLeast: 10_000 }
				}
			]
		},
		{
			title: 'Where is it now?',
			points: [
				'`q user itsolnx1 at all` asks every member',
				'ITSOLNX1 now runs on ITSOSSI2',
				'Same guest, same connections: only the member changed'
			],
			notes: [
				'QUERY USER … AT ALL answers for the whole cluster; only ITSOSSI2 has the guest now. The source member logged it off at the end of Cleaning Up (000 App. A.1.2 shows the same sequence).',
				'Questions to ask the audience: what would have happened if ITSOSSI2 had gone down during the move? (The guest keeps running on the source: 000 §3.2.)'
			],
			autoRun: false,
			claims: [
				{
					says: 'ITSOLNX1 runs on ITSOSSI2',
					observe: { of: 'guest-member', user: 'ITSOLNX1' },
					holds: { is: 'ITSOSSI2' }
				},
				{
					says: 'QUERY USER answers from ITSOSSI2',
					observe: { of: 'console-says', member: 'ITSOSSI1', text: 'ITSOSSI2 : ITSOLNX1 - DSC' },
					holds: { is: true }
				}
			]
		}
	]
};
