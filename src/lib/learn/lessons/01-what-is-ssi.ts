import type { Lesson } from '../lesson';

/** Lesson 1: what an SSI cluster is, and why LGR is the reason many adopt it (000 §2.1-2.2, 001). */
export const WHAT_IS_SSI: Lesson = {
	slug: 'what-is-an-ssi-cluster',
	title: 'What an SSI cluster is, and why',
	summary:
		'Two z/VM systems on two machines run as one cluster: one directory, one view of the users, and Linux guests that move between them while they run.',
	sources: [
		{ doc: '000', section: '§2.1 Introduction to the z/VM SSI clusters' },
		{ doc: '000', section: '§2.2.2 Changes to applying service' },
		{ doc: '000', section: '§2.4 z/VM SSI cluster operation (Example 2-6)' },
		{ doc: '001', section: '"Benefits and Uses of z/VM SSI Clusters"' },
		{ doc: '001', section: '"Cross-System Spool", "Cross-System CP Commands"' }
	],
	script: {
		scenario: 'itsossib',
		seed: 7,
		steps: [
			{ runMs: 6000, speed: 2 },
			{
				runMs: 1000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI5', text: 'Q NAMES' } }]
			},
			{
				runMs: 12000,
				speed: 4,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI5', text: 'VMRELOCATE MOVE LNXSU11 TO ITSOSSI6' }
					}
				]
			},
			{
				runMs: 20000,
				speed: 5,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI5', text: 'VMRELOCATE MOVE LNXSU12 TO ITSOSSI6' }
					},
					{ after: 10000, input: { kind: 'shutdown', member: 'ITSOSSI5' } }
				]
			}
		]
	},
	steps: [
		{
			title: 'Two systems, one cluster',
			body: [
				'A z/VM Single System Image (SSI) cluster is up to four z/VM systems, its members, that share one user directory, DASD volumes, user minidisks, spool files and network devices (000 §2.1). The members need not sit on one machine: this cluster, ITSOSSIB from the Redbook, has ITSOSSI5 on a System z10 and ITSOSSI6 on a z196.',
				'Every member talks to every other over ISFC links made of FICON CTC devices, and all of them keep their state in one persistent data record (PDR) on a shared volume. `Q SSI` shows that shared picture from any member: the cluster name, its mode, the PDR and one line per slot (000 Example 2-6).'
			],
			look: "Watch ITSOSSI5's console: its operator types Q SSI five seconds in.",
			question: {
				prompt:
					'ITSOSSI5 runs Q SSI. Will it list ITSOSSI6, a system on another machine, as Joined?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'ITSOSSI6 Joined' },
				choices: [
					{ label: 'Yes: both members are Joined in one cluster', when: { is: true } },
					{ label: 'No: ITSOSSI5 lists only itself', when: { is: false } }
				],
				explain:
					'Q SSI answers from the cluster-wide state in the PDR and the heartbeats, so every member sees every slot: ITSOSSI5 and ITSOSSI6 Joined, slots 3 and 4 Available. Where a member runs does not matter; what they share does.'
			}
		},
		{
			title: 'One directory, one set of users',
			body: [
				'The members share one source directory. A guest defined with a USER entry (a single-configuration user) has the same definition and the same resources on every member, and it is logged on to one member at a time (000 §2.2.4).',
				'Each member also knows where the cluster\'s users are. `Q NAMES` lists the users logged on here and, marked SSI, those logged on to other members; messages and most CP commands reach them through `AT sysname CMD` and `MSG userid AT sysname` (001 "Cross-System CP Commands").'
			],
			look: "ITSOSSI5's console, after Q NAMES.",
			question: {
				prompt: 'Will Q NAMES on ITSOSSI5 list LNXRH65, a guest that runs on ITSOSSI6?',
				observe: { of: 'console-says', member: 'ITSOSSI5', text: 'LNXRH65  - SSI' },
				choices: [
					{ label: 'Yes, marked as logged on elsewhere in the cluster (SSI)', when: { is: true } },
					{ label: 'No: each member lists only its own users', when: { is: false } }
				],
				explain:
					'LNXRH65 appears, marked SSI: ITSOSSI5 knows it is logged on to another member of the cluster. This one view of the users is what lets CP enforce a single logon for USER guests across the members.'
			}
		},
		{
			title: 'Live guest relocation: the reason many adopt SSI',
			body: [
				'Live guest relocation (LGR) moves a running Linux guest from one member to another without stopping it (000 §3.1). Its memory is copied over the ISFC link in passes while it keeps running; only for the last pass is it briefly quiesced.',
				'The operator asks for it with `VMRELOCATE MOVE`. LNXSU11 runs on ITSOSSI5; the move sends it to ITSOSSI6.'
			],
			look: 'The member cards, where the guest shows on both members while it moves, and the Relocations panel.',
			question: {
				prompt: 'Where will LNXSU11 run when the step ends?',
				observe: { of: 'guest-member', user: 'LNXSU11' },
				choices: [
					{ label: 'On ITSOSSI6, still running', when: { is: 'ITSOSSI6' } },
					{ label: 'Still on ITSOSSI5', when: { is: 'ITSOSSI5' } },
					{ label: 'Nowhere: it had to be logged off to move', when: { is: 'not logged on' } }
				],
				explain:
					'LNXSU11 now runs on ITSOSSI6 and was never logged off: CP moved its memory pass by pass and stopped it only for a fraction of a second at the end. "User LNXSU11 has been relocated from ITSOSSI5 to ITSOSSI6" is on the console.'
			}
		},
		{
			title: 'Service without an outage',
			body: [
				'Why this matters: service or hardware work on one member no longer stops the guests on it. Move them to another member first, then shut the member down and work on it (000 §2.2.2; 001 "Flexibility for planned outages").',
				'Here the operator moves LNXSU12 to ITSOSSI6 as well, and ten seconds later shuts ITSOSSI5 down.'
			],
			look: "ITSOSSI5's member card: Leaving, then Down. Where is LNXSU12?",
			question: {
				prompt: 'ITSOSSI5 is shut down for service. Where is LNXSU12 afterwards?',
				observe: { of: 'guest-member', user: 'LNXSU12' },
				choices: [
					{ label: 'Running on ITSOSSI6', when: { is: 'ITSOSSI6' } },
					{ label: 'Logged off, down with ITSOSSI5', when: { is: 'not logged on' } },
					{ label: 'Still on ITSOSSI5', when: { is: 'ITSOSSI5' } }
				],
				explain:
					'LNXSU12 left ITSOSSI5 before the shutdown, so it runs on ITSOSSI6 while ITSOSSI5 is Down. That is the planned outage SSI and LGR make possible: the member stops, its workload does not.'
			}
		}
	]
};
