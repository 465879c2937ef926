import type { Lesson } from '../lesson';

const MODES = (stable: string, influx: string, safe: string) => [
	{ label: stable, when: { is: 'Stable' } },
	{ label: influx, when: { is: 'Influx' } },
	{ label: safe, when: { is: 'Safe' } }
];

/** Lesson 2: member states and cluster modes (000 §2.4.1-2.4.2, 001 "Reliability and Integrity"). */
export const STATES_AND_MODES: Lesson = {
	slug: 'member-states-and-cluster-modes',
	title: 'Member states and cluster modes',
	summary:
		'Shut a member down, crash another and bring it back: predict how each member state moves the whole cluster between Stable, Influx and Safe.',
	sources: [
		{ doc: '000', section: '§2.4.1 SSI member states' },
		{ doc: '000', section: '§2.4.2 SSI cluster modes' },
		{ doc: '000', section: '§2.4 Example 2-7 (a member shut down)' },
		{ doc: '001', section: '"Reliability and Integrity of Shared Data and Resources"' }
	],
	script: {
		scenario: 'itsossia',
		seed: 1,
		steps: [
			{
				runMs: 2000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: 'Q SSI' } }]
			},
			{
				runMs: 20000,
				speed: 5,
				inputs: [
					{ after: 0, input: { kind: 'shutdown', member: 'ITSOSSI4' } },
					{ after: 15000, input: { kind: 'command', on: 'ITSOSSI1', text: 'Q SSI' } }
				]
			},
			{
				runMs: 30000,
				speed: 8,
				inputs: [
					{
						after: 0,
						input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI3' } }
					},
					{ after: 25000, input: { kind: 'command', on: 'ITSOSSI1', text: 'Q SSI' } }
				]
			},
			{
				runMs: 3000,
				inputs: [{ after: 0, input: { kind: 'ipl', member: 'ITSOSSI3' } }]
			},
			{
				runMs: 60000,
				speed: 15,
				inputs: [{ after: 55000, input: { kind: 'command', on: 'ITSOSSI1', text: 'Q SSI' } }]
			}
		]
	},
	steps: [
		{
			title: 'Four members, all Joined',
			body: [
				'Each member of a cluster is in one state. The normal ones are Down (not a member right now), Joining, Joined (taking part in the cluster) and Leaving (shutting down). The error states are Suspended (it cannot talk to a member that should be there) and Isolated (it could not join at all) (000 §2.4.1).',
				"The cluster as a whole has a mode that follows from its members' states: Stable when it is fully working, Influx while members join or leave, Safe when a member's state cannot be determined or a member is Suspended (000 §2.4.2).",
				'ITSOSSIA has four members on two machines, all of them Joined.'
			],
			look: 'The cluster mode at the top of the simulation, and Q SSI on ITSOSSI1.',
			question: {
				prompt: 'All four members are Joined. Which mode is the cluster in?',
				observe: { of: 'cluster-mode' },
				choices: MODES('Stable', 'Influx', 'Safe'),
				explain:
					'Stable: every member is Joined and talking to the others, so cross-system functions work and shared resources can be negotiated. "SSI Mode: Stable" is the second line of Q SSI.'
			}
		},
		{
			title: 'A planned shutdown',
			body: [
				'A member leaves the cluster when it shuts down (000 §2.4): it goes through Leaving to Down and writes "shut down successfully" in its PDR slot, so the others know it is gone on purpose (000 Example 2-7).',
				'ITSOSSI4 is shut down now. Twenty simulated seconds later, where does the cluster stand?'
			],
			look: "ITSOSSI4's member card, the cluster mode, and Q SSI on ITSOSSI1 near the end.",
			question: {
				prompt: 'Twenty seconds after ITSOSSI4 shuts down, which mode is the cluster in?',
				observe: { of: 'cluster-mode' },
				choices: MODES(
					'Stable: Down is a normal state',
					'Influx: a member is missing',
					'Safe: a member is missing'
				),
				explain:
					'Stable again. While ITSOSSI4 was Leaving the cluster was briefly in Influx; once it was Down its slot says "Down (shut down successfully)" and the three others need not hear from it. A member that is Down is simply not a member right now.'
			}
		},
		{
			title: 'An unexpected failure',
			body: [
				'Now ITSOSSI3 abends: it stops without a word. Its peers only notice that its heartbeats have stopped, on the ISFC links and in the PDR. After the cross-system timeout they cannot tell whether it is dead or just cut off, so they show it as Unknown, which is not a real state but the absence of one (000 §2.4.1).',
				'Running guests on the other members carry on; what changes is new access to shared resources (001 "Unexpected failure causes automatic safing of the cluster").'
			],
			look: 'The cluster mode, and how ITSOSSI1 and ITSOSSI2 see ITSOSSI3 on their member cards.',
			question: {
				prompt: '30 seconds after ITSOSSI3 abends, which mode is the cluster in?',
				observe: { of: 'cluster-mode' },
				choices: MODES('Stable', 'Influx', 'Safe'),
				explain:
					'Safe: ITSOSSI3 stopped heartbeating without leaving, so its state cannot be determined. In Safe mode existing work continues, but nothing new may touch shared resources until the failure is resolved: the cluster cannot rule out that ITSOSSI3 is still using them.'
			}
		},
		{
			title: 'Bringing the member back',
			body: [
				'The operator IPLs ITSOSSI3. A member joins the cluster when it is IPLed (000 §2.4): it writes Joining in its PDR slot, talks to the other members, and becomes Joined.',
				'Its return also answers the question the others could not: ITSOSSI3 is no longer Unknown.'
			],
			look: "ITSOSSI3's member card and the cluster mode, three seconds after the IPL.",
			question: {
				prompt: 'Three seconds after the IPL, which mode is the cluster in?',
				observe: { of: 'cluster-mode' },
				choices: MODES('Stable', 'Influx', 'Safe'),
				explain:
					'Influx: ITSOSSI3 is Joining. The Unknown member is accounted for, so Safe is over, but while a member joins cross-system functions are held and negotiations for shared resources are deferred (000 §2.4.2).'
			}
		},
		{
			title: 'Stable again',
			body: [
				"Most failures are resolved automatically (001): once the joining member has finished, the cluster needs nobody's help to go back to normal.",
				'A minute passes. ITSOSSI4 is still down from step 2.'
			],
			look: 'Q SSI on ITSOSSI1 at the end of the step.',
			question: {
				prompt: 'After a minute, what state is ITSOSSI3 in?',
				observe: { of: 'member-state', member: 'ITSOSSI3' },
				choices: [
					{ label: 'Joined', when: { is: 'Joined' } },
					{ label: 'Joining', when: { is: 'Joining' } },
					{ label: 'Suspended', when: { is: 'Suspended' } }
				],
				explain:
					'Joined, and the cluster is Stable with three members Joined and ITSOSSI4 Down: a cluster does not need all its members to be Stable, only to know the state of each.'
			}
		}
	]
};
