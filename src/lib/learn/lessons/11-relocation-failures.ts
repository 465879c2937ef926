/**
 * Lesson 11: what ends a relocation early and where the guest is afterwards, on ITSOSSIB
 * (two members, one 700 MB/s link of two CHPIDs with four CTCs each): a CHPID lost mid-move,
 * CANCEL, the link cut, the destination abending.
 */
import type { Fault, SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

const cp = (on: string, text: string): SimInput => ({ kind: 'command', on, text });
const fault = (f: Fault): SimInput => ({ kind: 'fault', fault: f });
const LINK = 'ITSOSSI5-ITSOSSI6';

export const RELOCATION_FAILURES: Lesson = {
	slug: 'relocation-failures',
	title: 'When a relocation goes wrong',
	summary:
		'Lose a CHPID, cancel, cut the link and crash the destination in the middle of relocations, and see where the guest ends up each time.',
	sources: [
		{ doc: '000', section: '§3.1' },
		{ doc: '000', section: 'App. A.1' },
		{ doc: '001', section: '"Live Guest Relocation"' },
		{ doc: '001', section: '"CTC Connections"' },
		{ doc: '001', section: '"Starting and Managing a Live Guest Relocation..."' }
	],
	script: {
		scenario: 'itsossib',
		seed: 11,
		prelude: { runMs: 6000 },
		steps: [
			{
				runMs: 10_000,
				speed: 3,
				inputs: [{ after: 0, input: cp('ITSOSSI6', 'vmrelocate move lnxrh65 itsossi5') }]
			},
			{
				runMs: 16_000,
				speed: 4,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6') },
					{ after: 2000, input: fault({ kind: 'chpid.fail', link: LINK, chpid: '40' }) }
				]
			},
			{
				runMs: 8000,
				speed: 2,
				inputs: [
					{ after: 0, input: fault({ kind: 'chpid.repair', link: LINK, chpid: '40' }) },
					{ after: 1000, input: cp('ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 asynchronous') },
					{ after: 4000, input: cp('ITSOSSI5', 'vmrelocate cancel lnxsu11') }
				]
			},
			{
				runMs: 12_000,
				speed: 3,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6') },
					{ after: 3000, input: fault({ kind: 'link.sever', link: LINK }) }
				]
			},
			{
				runMs: 15_000,
				speed: 4,
				inputs: [
					{ after: 0, input: fault({ kind: 'link.repair', link: LINK }) },
					{ after: 5000, input: cp('ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6') },
					{ after: 8000, input: fault({ kind: 'member.abend', member: 'ITSOSSI6' }) }
				]
			}
		]
	},
	steps: [
		{
			title: 'A healthy move to compare with',
			body: [
				'ITSOSSI5 and ITSOSSI6 are joined by one logical link: two FICON CHPIDs with four CTCs each, as 001 recommends, carrying about 700 MB/s each way.',
				'First a relocation with nothing going wrong: the 4 GB idle guest LNXRH65 moves from ITSOSSI6 to ITSOSSI5 with `vmrelocate move lnxrh65 itsossi5`.'
			],
			look: 'The Relocations panel and the link card.',
			question: {
				prompt: 'How long does the whole relocation take?',
				observe: { of: 'relocation-figure', user: 'LNXRH65', figure: 'totalMs' },
				choices: [
					{ label: 'Under 5 seconds', when: { below: 5000 } },
					{ label: '5 to 15 seconds', when: { between: [5000, 15_000] } },
					{ label: '15 seconds or more', when: { atLeast: 15_000 } }
				],
				explain:
					'4 GB at about 700 MB/s is about six seconds for the first pass. An idle guest changes little meanwhile, so the passes after it and the cleanup add less than a second.'
			}
		},
		{
			title: 'A CHPID fails mid-move',
			body: [
				'001 advises spreading a link’s CTCs over several channel paths, so that a channel path failing does not sever the logical link (001 "CTC Connections").',
				'LNXSU12, also 4 GB and idle, starts the same trip the other way: `vmrelocate move lnxsu12 itsossi6`. Two seconds in, CHPID 40 fails, with its four CTCs.'
			],
			look: 'The link card: the failed CHPID and the capacity left.',
			question: {
				prompt: 'How does this relocation’s total time compare with LNXRH65’s healthy one?',
				observe: {
					of: 'relocation-ratio',
					user: 'LNXSU12',
					other: 'LNXRH65',
					figure: 'totalMs'
				},
				choices: [
					{ label: 'About the same, or shorter (under 1.2×)', when: { below: 1.2 } },
					{ label: 'Slower: 1.2× to 3×', when: { between: [1.2, 3] } },
					{ label: 'Much slower: 3× or more', when: { atLeast: 3 } }
				],
				explain:
					'The logical link survives on CHPID 50: four CTCs, of which each side writes on three to avoid collisions, about 300 MB/s instead of 700. The relocation is not terminated; it carries on at the lower rate and the guest arrives later. Fewer working CTCs mean longer relocations (000 §3.2.1).'
			}
		},
		{
			title: 'CANCEL',
			body: [
				'CHPID 40 is repaired. LNXSU11 is moved with `ASYNCHRONOUS`, so the console is free at once, and three seconds later the operator changes their mind: `vmrelocate cancel lnxsu11`. 001 shows the same on its cluster, followed by `QUERY` to see where the guest is.'
			],
			look: 'The ITSOSSI5 console and the member cards.',
			question: {
				prompt: 'Where does LNXSU11 run after the CANCEL?',
				observe: { of: 'guest-member', user: 'LNXSU11' },
				choices: [
					{ label: 'On ITSOSSI5, where it was', when: { is: 'ITSOSSI5' } },
					{ label: 'On ITSOSSI6: half its memory was already there', when: { is: 'ITSOSSI6' } },
					{ label: 'Nowhere until it is restarted', when: { is: 'not logged on' } }
				],
				explain:
					'The guest keeps running on the source member until the destination is ready to run it, so a relocation that ends early leaves it where it was: "If a relocation fails or is cancelled, the guest continues to run on the source member" (001; 000 §3.1).'
			}
		},
		{
			title: 'The link is cut',
			body: [
				'The operator moves LNXSU11 again, `vmrelocate move lnxsu11 itsossi6`. Three seconds in, the whole ISFC link between the two members fails: both CHPIDs, every CTC.'
			],
			look: 'The Relocations panel and the mode banner.',
			question: {
				prompt: 'How does this relocation end?',
				observe: { of: 'relocation-outcome', user: 'LNXSU11' },
				choices: [
					{ label: 'It waits and finishes once the link is back', when: { is: 'relocated' } },
					{ label: 'Cancelled, as by an operator', when: { is: 'cancelled' } },
					{ label: 'Terminated by CP at once', when: { is: 'terminated' } }
				],
				explain:
					'Without ISFC the destination cannot be reached, so CP ends the relocation at once with `HCPRLH1939E` and the reason that ITSOSSI6 cannot be reached over ISFC. A relocation that fails this way is terminated; one stopped by CANCEL or a MAXQUIESCE or MAXTOTAL limit is cancelled. Either way LNXSU11 is still on ITSOSSI5. The members lose sight of each other and the cluster goes to Safe mode until the link is repaired.'
			}
		},
		{
			title: 'The destination abends',
			body: [
				'The link is repaired and the cluster becomes Stable again. The operator starts one more move, `vmrelocate move lnxsu11 itsossi6`, and three seconds into it ITSOSSI6 abends.'
			],
			look: 'The member cards: LNXSU11, and LNXSU12 which moved to ITSOSSI6 in step 2.',
			question: {
				prompt: 'Where does LNXSU11 run after the crash?',
				observe: { of: 'guest-member', user: 'LNXSU11' },
				choices: [
					{ label: 'On ITSOSSI5', when: { is: 'ITSOSSI5' } },
					{ label: 'Nowhere: it went down with ITSOSSI6', when: { is: 'not logged on' } }
				],
				explain:
					'LNXSU11 never left ITSOSSI5: the relocation was terminated because its destination is no longer a joined member, and the guest ran on. LNXSU12 is another story: it had already moved to ITSOSSI6, and it went down with the member. Relocation protects a guest while it moves, not the guests a crashed member was running: that is the next lesson.'
			}
		}
	]
};
