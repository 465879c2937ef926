import type { Lesson } from '../lesson';

const LINK = 'MEMBER1-MEMBER2';

/** Lesson 3: the PDR and heartbeats (000 §2.2.10, §2.4.1; 001 "Persistent Data Record"). */
export const PDR_AND_HEARTBEATS: Lesson = {
	slug: 'pdr-and-heartbeats',
	title: 'The PDR and heartbeats',
	summary:
		'What the persistent data record holds, and how heartbeats on ISFC and in the PDR tell a member that is cut off from one that is gone.',
	sources: [
		{ doc: '000', section: '§2.2.10 Persistent data record (Example 2-5)' },
		{ doc: '000', section: '§2.4.1 SSI member states' },
		{ doc: '001', section: '"Persistent Data Record (PDR)"' },
		{ doc: '001', section: '"Reliability and Integrity of Shared Data and Resources"' }
	],
	script: {
		scenario: 'myclustr',
		seed: 530,
		steps: [
			{
				runMs: 1000,
				inputs: [
					{ after: 0, input: { kind: 'command', on: 'MEMBER1', text: 'FORMSSI DISPLAY 141' } }
				]
			},
			{
				runMs: 30000,
				speed: 8,
				inputs: [
					{ after: 0, input: { kind: 'fault', fault: { kind: 'link.sever', link: LINK } } },
					{ after: 25000, input: { kind: 'command', on: 'MEMBER1', text: 'Q SSI' } }
				]
			},
			{
				runMs: 20000,
				speed: 5,
				inputs: [{ after: 0, input: { kind: 'fault', fault: { kind: 'link.repair', link: LINK } } }]
			},
			{
				runMs: 30000,
				speed: 8,
				inputs: [
					{
						after: 0,
						input: { kind: 'fault', fault: { kind: 'member.abend', member: 'MEMBER4' } }
					},
					{ after: 25000, input: { kind: 'command', on: 'MEMBER1', text: 'Q SSI' } }
				]
			}
		]
	},
	steps: [
		{
			title: 'What the PDR holds',
			body: [
				"The persistent data record (PDR) lives on a shared 3390, usually the common volume. It is the cluster's serialization point on disk: one record for the cluster (locked or not, a time stamp, whether cross-system timeouts are enabled) and one slot per member with its system name, its state, a time stamp and who last changed it (000 §2.2.10).",
				"`FORMSSI DISPLAY` shows it. MYCLUSTR, the SHARE session's cluster, has four members and MEMBER3 is down."
			],
			look: "MEMBER1's console: the HCPPDF6619I lines, slot by slot.",
			question: {
				prompt: 'Does the PDR still keep a slot for MEMBER3, which is down?',
				observe: { of: 'console-says', member: 'MEMBER1', text: 'state: Down' },
				choices: [
					{ label: 'Yes, with its state Down', when: { is: true } },
					{ label: 'No: only running members have a slot', when: { is: false } }
				],
				explain:
					'Slot 3 is still MEMBER3, state Down, with the time stamp of its last change. The PDR records every member of the cluster, running or not: that is how the others know MEMBER3 is down on purpose and need not wait for it.'
			}
		},
		{
			title: 'Silent on ISFC, alive in the PDR',
			body: [
				'Every running member heartbeats twice over: it writes its time stamp into its PDR slot, and it sends a heartbeat to every peer over the ISFC links. Q SSI shows both, as PDR HEARTBEAT and RECEIVED HEARTBEAT (000 §2.4.1: the PDR heartbeats let "stalled or stopped members" be found quickly).',
				'Now the ISFC link between MEMBER1 and MEMBER2 is cut. Both are still running and still write to the PDR; they just cannot talk to each other.'
			],
			look: 'The cut MEMBER1–MEMBER2 link under ISFC links, then the member cards of MEMBER1 and MEMBER2.',
			question: {
				prompt: 'After the cross-system timeout, which state is MEMBER1 in?',
				observe: { of: 'member-state', member: 'MEMBER1' },
				choices: [
					{ label: 'Joined: MEMBER2 is still alive', when: { is: 'Joined' } },
					{ label: 'Suspended', when: { is: 'Suspended' } },
					{ label: 'Down', when: { is: 'Down' } }
				],
				explain:
					'Suspended: "the member cannot communicate with another member that is in a state other than Down or Isolated" (000 §2.4.1). MEMBER2\'s PDR time stamp keeps moving, so MEMBER1 knows it is alive but unreachable, and both suspend. A Suspended member puts the cluster in Safe mode.'
			}
		},
		{
			title: 'Repairing the link',
			body: [
				'Most failures are resolved automatically (001 "Reliability and Integrity of Shared Data and Resources"). The link comes back; the members hear each other\'s heartbeats again.'
			],
			look: 'The cluster mode and the two member cards.',
			question: {
				prompt: 'Twenty seconds after the repair, which mode is the cluster in?',
				observe: { of: 'cluster-mode' },
				choices: [
					{ label: 'Stable', when: { is: 'Stable' } },
					{ label: 'Safe until an operator intervenes', when: { is: 'Safe' } },
					{ label: 'Influx', when: { is: 'Influx' } }
				],
				explain:
					'Stable: once the ISFC heartbeats arrive again, MEMBER1 and MEMBER2 leave Suspended by themselves and the cluster leaves Safe mode. Nothing had to be restarted.'
			}
		},
		{
			title: 'Silent on both',
			body: [
				'Now MEMBER4 abends. Its ISFC heartbeats stop, and so do its PDR time stamps: from outside, a member that stalled and a member that crashed look the same.',
				'Compare with step 2, where the PDR still showed MEMBER2 alive.'
			],
			look: "MEMBER1's member card and its Q SSI near the end: how does it show MEMBER4?",
			question: {
				prompt: 'When MEMBER4 falls silent on both paths, which state does MEMBER1 go to?',
				observe: { of: 'member-state', member: 'MEMBER1' },
				choices: [
					{ label: 'Joined, with MEMBER4 shown as Unknown', when: { is: 'Joined' } },
					{ label: 'Suspended, as with the cut link', when: { is: 'Suspended' } },
					{ label: 'Down', when: { is: 'Down' } }
				],
				explain:
					'MEMBER1 stays Joined and Q SSI lists MEMBER4 as Unknown: a peer silent on ISFC and in the PDR cannot be told apart from a dead one, so its state cannot be determined. That alone puts the cluster in Safe mode (000 §2.4.2), but nobody suspends: there is no live member it cannot reach.'
			}
		}
	]
};
