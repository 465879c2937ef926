/**
 * Lesson 9: the quiesce and the limits a MOVE can set, on the App. A.1.7 scenario: LNXSU11
 * rewrites all of its memory faster than the 700 MB/s link can send it.
 */
import type { SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

const cp = (on: string, text: string): SimInput => ({ kind: 'command', on, text });

export const QUIESCE_LIMITS: Lesson = {
	slug: 'quiesce-limits',
	title: 'The quiesce: MAXQUIESCE, IMMEDIATE and MAXTOTAL',
	summary:
		'Watch a relocation cancelled for stopping its guest too long, then change the limits and the IMMEDIATE option and see what each trades.',
	sources: [
		{ doc: '000', section: '§3.6.1 (VMRELOCATE command)' },
		{ doc: '000', section: '§3.6.2 (relocation steps 2 and 4)' },
		{ doc: '000', section: 'App. A.1.7 (Examples A-19, A-20)' },
		{ doc: '001', section: '"Starting and Managing a Live Guest Relocation"' }
	],
	script: {
		scenario: 'a17-maxquiesce',
		seed: 11,
		steps: [
			// The scenario's own MOVE with MAXQUIESCE 3 is typed at 14:32:45 (5 s in).
			{ runMs: 22_000, speed: 5 },
			{
				runMs: 25_000,
				speed: 6,
				inputs: [
					{ after: 0, input: cp('ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 maxquiesce 60') }
				]
			},
			{
				runMs: 20_000,
				speed: 5,
				inputs: [{ after: 0, input: cp('ITSOSSI6', 'vmrelocate move lnxsu11 itsossi5 immediate') }]
			},
			{
				runMs: 15_000,
				speed: 4,
				inputs: [
					{
						after: 0,
						input: {
							kind: 'guest.workload',
							user: 'LNXSU11',
							on: 'ITSOSSI5',
							workload: 'database'
						}
					},
					{ after: 1000, input: cp('ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 immediate') }
				]
			},
			{
				runMs: 10_000,
				speed: 3,
				inputs: [{ after: 0, input: cp('ITSOSSI6', 'vmrelocate move lnxsu11 itsossi5 maxtotal 5') }]
			}
		]
	},
	steps: [
		{
			title: 'A guest that may stop for 3 seconds',
			body: [
				'Some applications tolerate only a short stop: a web server may have to answer within 5 seconds. `MAXQUIESCE` is how long the guest may be stopped during the relocation; if it would need longer, the relocation is cancelled. The default is 10 seconds (000 §3.6.1, §3.6.2 step 2).',
				'LNXSU11, a 4 GB guest on ITSOSSI5, is busy rewriting all of its memory, faster than the 700 MB/s link to ITSOSSI6 can carry it. At 14:32:45 the operator types the book’s command, `vmrelocate move lnxsu11 itsossi6 maxquiesce 3` (000 Example A-19).'
			],
			look: 'The Relocations panel: the passes, then the quiesce.',
			question: {
				prompt: 'What becomes of this relocation?',
				observe: { of: 'relocation-outcome', user: 'LNXSU11' },
				choices: [
					{ label: 'It relocates, with a longer stop', when: { is: 'relocated' } },
					{ label: 'It is refused before it starts', when: { is: 'rejected' } },
					{
						label: 'CP cancels it at the limit and LNXSU11 stays on ITSOSSI5',
						when: { is: 'cancelled' }
					}
				],
				explain:
					'The second pass had to send every page again: the changed set did not shrink, so more passes could not help, and CP quiesced the guest with all of its memory still to send. That takes longer than 3 seconds over this link, so at the limit CP ended the relocation with `HCPRLH1939E` and `HCPRLU1930I The maximum quiesce time was exceeded`, and the guest kept running on ITSOSSI5 (000 Example A-20). The guest was eligible: the limit, not a check, stopped it.'
			}
		},
		{
			title: 'A longer MAXQUIESCE',
			body: [
				'The book lists remedies: fewer relocations at once, more or faster CTCs, and first of all asking whether the application allows a longer stop, "the simplest solution" (000 App. A.1.7).',
				'Suppose it does. The operator tries again with `vmrelocate move lnxsu11 itsossi6 maxquiesce 60`.'
			],
			look: 'The quiesce window chart.',
			question: {
				prompt: 'How long is LNXSU11 stopped this time?',
				observe: { of: 'relocation-figure', user: 'LNXSU11', figure: 'quiesceMs' },
				choices: [
					{ label: 'Under 3 seconds', when: { below: 3000 } },
					{ label: '3 to 10 seconds', when: { between: [3000, 10_000] } },
					{ label: '10 seconds or more', when: { atLeast: 10_000 } }
				],
				explain:
					'The guest is stopped for about as long as it takes to send all 4 GB once over the link: several seconds, within even the default 10 (the book’s 3 was the application’s limit, not CP’s). A longer MAXQUIESCE lets the relocation finish, but the application really is frozen for that long; MAXQUIESCE protects the application, and raising it is only right if the application can bear it.'
			}
		},
		{
			title: 'IMMEDIATE',
			body: [
				'`IMMEDIATE` makes CP quiesce the guest after only one pass through memory. The book says it "usually results in shorter overall relocation times, but longer quiesce times". With IMMEDIATE, MAXQUIESCE defaults to NOLIMIT (000 §3.6.1).',
				'LNXSU11, still rewriting all of its memory, is moved back: `vmrelocate move lnxsu11 itsossi5 immediate`. The last relocation made two passes while the guest ran before it was stopped.'
			],
			look: 'The pass table in the Relocations panel.',
			question: {
				prompt:
					'How many passes does the IMMEDIATE relocation make in all, the two while stopped included?',
				observe: { of: 'relocation-figure', user: 'LNXSU11', figure: 'passes' },
				choices: [
					{ label: '3 or fewer', when: { below: 4 } },
					{ label: '4 or more', when: { atLeast: 4 } }
				],
				explain:
					'One pass with the guest running, then the two with it stopped: three. For this guest the second running pass of the last relocation was wasted, since it resent every page, so IMMEDIATE saves a whole pass of total time and the stop is no longer than before: either way the whole memory moves while the guest is stopped.'
			}
		},
		{
			title: 'IMMEDIATE for a guest that converges',
			body: [
				'Now LNXSU11 runs a database instead: busy, but its hot pages are few enough that passes shrink on this link. Without IMMEDIATE such a guest takes a few passes and is stopped for a fraction of a second.',
				'The operator moves it with `vmrelocate move lnxsu11 itsossi6 immediate`.'
			],
			look: 'The quiesce window chart.',
			question: {
				prompt: 'How long is the database guest stopped with IMMEDIATE?',
				observe: { of: 'relocation-figure', user: 'LNXSU11', figure: 'quiesceMs' },
				choices: [
					{ label: 'Under 250 ms', when: { below: 250 } },
					{ label: '250 ms to 1 second', when: { between: [250, 1000] } },
					{ label: '1 second or more', when: { atLeast: 1000 } }
				],
				explain:
					'Everything the database changed during the first pass, tens of thousands of pages, is sent while the guest is stopped, instead of shrinking over a few more running passes first. The relocation ends a little sooner, and the stop is several times longer: the trade the book describes.'
			}
		},
		{
			title: 'MAXTOTAL',
			body: [
				'`MAXTOTAL` is the longest the issuer will wait for the whole relocation, counted from the command; past it, the relocation is cancelled. Its default is NOLIMIT (000 §3.6.1). The book’s example sets both limits, `maxtotal 10 maxquiesce 5` (Example 3-8).',
				'The operator moves LNXSU11 back with `vmrelocate move lnxsu11 itsossi5 maxtotal 5`. Sending 4 GB over this link once takes about six seconds.'
			],
			look: 'The ITSOSSI6 console and the member cards.',
			question: {
				prompt: 'Where does LNXSU11 run when the command has ended?',
				observe: { of: 'guest-member', user: 'LNXSU11' },
				choices: [
					{ label: 'On ITSOSSI5', when: { is: 'ITSOSSI5' } },
					{ label: 'Still on ITSOSSI6', when: { is: 'ITSOSSI6' } }
				],
				explain:
					'Five seconds after the command the first pass had not even finished, so CP cancelled the relocation with `HCPRLH1939E` and the reason "The maximum total time was exceeded". As after every cancelled or failed relocation, the guest carries on where it was, on ITSOSSI6 (001 "Live Guest Relocation").'
			}
		}
	]
};
