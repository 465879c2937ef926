/**
 * Deck: a relocation CP refuses, and the fix, on the Redbook's App. A.1.2 case (a Linux guest
 * whose profile links the CMS disks of the member it runs on).
 */
import type { Deck } from '../deck';

const TEST = 'vmrelocate test user itsolnx2 to itsossi1';

export const refusedRelocation: Deck = {
	slug: 'refused-relocation',
	title: 'When a relocation is refused, and how to fix it',
	summary:
		'VMRELOCATE TEST refuses a Linux guest with HCPRLH1940E and names each reason; the guest gives up the local minidisks it does not need, TEST says eligible, and MOVE relocates it.',
	sources: [
		{ doc: '000', section: '§3.3' },
		{ doc: '000', section: '§3.7' },
		{ doc: '000', section: 'App. A.1.2' },
		{ doc: '000', section: '§3.6.1' }
	],
	script: {
		scenario: 'a12-cms-mdisks',
		seed: 1,
		steps: [
			// The scenario itself types the book's TEST at 5 s (15:38:45), in the second step.
			{ runMs: 4000 },
			{ runMs: 2000 },
			{ runMs: 1000 },
			{
				runMs: 2000,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI4', text: 'send cp itsolnx2 det 190 19d 19e' }
					}
				]
			},
			{
				runMs: 2000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI4', text: TEST } }]
			},
			{
				runMs: 50_000,
				speed: 5,
				inputs: [
					{
						after: 0,
						input: {
							kind: 'command',
							on: 'ITSOSSI4',
							text: 'vmrelocate move user itsolnx2 to itsossi1'
						}
					}
				]
			}
		]
	},
	slides: [
		{
			title: 'A Linux guest that uses CMS disks',
			points: [
				'ITSOLNX2 runs on ITSOSSI4',
				"Its directory profile links MAINT's 190, 19D and 19E",
				'Those are CMS disks of the member it runs on'
			],
			notes: [
				"ITSOLNX2's directory entry includes the LINCMS profile, which links the CMS system disks so that the guest could IPL CMS (000 Examples 4-5 and 4-6). In an SSI cluster each member has its own copy of those disks: they are local minidisks.",
				'Ask the audience: can a guest that holds a link to a disk that exists only on this member move to another member?'
			],
			autoRun: true,
			claims: [
				{
					says: 'ITSOLNX2 runs on ITSOSSI4',
					observe: { of: 'guest-member', user: 'ITSOLNX2' },
					holds: { is: 'ITSOSSI4' }
				}
			]
		},
		{
			title: 'Ask first: TEST says no',
			points: [
				'`vmrelocate test user itsolnx2 to itsossi1`',
				'`HCPRLH1940E` ITSOLNX2 is not relocatable',
				'One `HCPRLI1996I` line per local minidisk: 0190, 019D, 019E'
			],
			notes: [
				'Press Next: the operator types the TEST at 15:38:45, as in the book (000 Example A-4). CP answers HCPRLH1940E and lists every reason, here one HCPRLI1996I per device: "Virtual machine device 0190 is a link to a local minidisk" (000 App. A.1.2).',
				'TEST moves nothing and changes nothing: it is always safe to ask (000 §3.6.1). A MOVE would have been refused with the same reasons.'
			],
			autoRun: false,
			claims: [
				{
					says: 'HCPRLH1940E appears',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI4',
						text: 'HCPRLH1940E ITSOLNX2 is not relocatable'
					},
					holds: { is: true }
				},
				{
					says: 'HCPRLI1996I names device 0190',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI4',
						text: 'HCPRLI1996I ITSOLNX2: Virtual machine device 0190 is a link to a local minidisk'
					},
					holds: { is: true }
				},
				{
					says: 'nothing was moved',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX2' },
					holds: { is: 'none' }
				}
			]
		},
		{
			title: 'Why CP refuses',
			points: [
				'A relocated guest must find the same resources on the destination',
				'A local minidisk exists only on its own member',
				'Fix the guest, not CP: give up what cannot move'
			],
			notes: [
				'000 §3.7 lists the conditions that prevent a relocation: among them links to local minidisks, dedicated devices without an equivalent, CMS itself (a CMS guest cannot move: App. A.1.4).',
				'The Linux guest does not need the CMS disks once it is up. The book detached them from the running guest; the permanent fix is a profile without those links for Linux guests (000 App. A.1.2).'
			],
			autoRun: true,
			claims: [
				{
					says: 'ITSOLNX2 still runs on ITSOSSI4',
					observe: { of: 'guest-member', user: 'ITSOLNX2' },
					holds: { is: 'ITSOSSI4' }
				}
			]
		},
		{
			title: 'The fix: detach them',
			points: [
				'`send cp itsolnx2 det 190 19d 19e`',
				'The guest itself detaches the three disks, while it runs',
				'`ITSOLNX2: 0190 019D 019E DETACHED`'
			],
			notes: [
				'Press Next to type it. SEND CP has the guest run the CP command DETACH on itself, without logging on to it (000 Example A-6). The guest keeps running; it only loses disks it was not using.'
			],
			autoRun: false,
			claims: [
				{
					says: 'the disks are detached',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI4',
						text: 'ITSOLNX2: 0190 019D 019E DETACHED'
					},
					holds: { is: true }
				}
			]
		},
		{
			title: 'TEST again: eligible',
			points: [
				'`vmrelocate test user itsolnx2 to itsossi1`',
				'User ITSOLNX2 is eligible for relocation to ITSOSSI1',
				'Return code 0: nothing stands in the way'
			],
			notes: [
				'Press Next: the same TEST now answers "User ITSOLNX2 is eligible for relocation to ITSOSSI1" with a plain Ready (000 Example A-6). Always TEST again after a fix: another reason may have been hiding behind the first.'
			],
			autoRun: false,
			claims: [
				{
					says: 'TEST answers eligible',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI4',
						text: 'User ITSOLNX2 is eligible for relocation to ITSOSSI1'
					},
					holds: { is: true }
				}
			]
		},
		{
			title: 'MOVE: relocated',
			points: [
				'`vmrelocate move user itsolnx2 to itsossi1`',
				'Memory in passes, a short stop, then it runs on ITSOSSI1',
				'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI1'
			],
			notes: [
				'Press Next to type the MOVE; the step plays at 5×. The relocation goes through its phases in the Relocations area and the guest appears on ITSOSSI1 (000 Example A-6).',
				'Recap: TEST, read each HCPRL reason, fix the guest, TEST again, MOVE. App. A of the Redbook has eight more cases to practise on in the lab.'
			],
			autoRun: false,
			claims: [
				{
					says: 'the relocation ends relocated',
					observe: { of: 'relocation-outcome', user: 'ITSOLNX2' },
					holds: { is: 'relocated' }
				},
				{
					says: 'ITSOLNX2 runs on ITSOSSI1',
					observe: { of: 'guest-member', user: 'ITSOLNX2' },
					holds: { is: 'ITSOSSI1' }
				},
				{
					says: 'CP reports it relocated',
					observe: {
						of: 'console-says',
						member: 'ITSOSSI4',
						text: 'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI1'
					},
					holds: { is: true }
				}
			]
		}
	]
};
