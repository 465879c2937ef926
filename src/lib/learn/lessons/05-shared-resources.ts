import type { Lesson } from '../lesson';

/** Lesson 5: shared resources (000 §2.2.4-2.2.8; 001 "Reliability and Integrity", "Cross-System Minidisk Management", "Cross-System Spool"). */
export const SHARED_RESOURCES: Lesson = {
	slug: 'shared-resources',
	title: 'Shared resources',
	summary:
		'Single logon, IDENTITY users, minidisk links checked across members, and what Safe mode locks down.',
	sources: [
		{ doc: '000', section: '§2.2.4 Single configuration users and multiconfiguration users' },
		{ doc: '000', section: '§2.2.7 Equivalency identifiers; §2.2.8 MAC addresses' },
		{ doc: '001', section: '"Reliability and Integrity of Shared Data and Resources"' },
		{ doc: '001', section: '"Cross-System Minidisk Management"; "Cross-System Spool"' }
	],
	script: {
		scenario: 'a12-cms-mdisks',
		seed: 1,
		// The scenario's own VMRELOCATE TEST runs at 5 s: the lesson starts after it.
		prelude: { runMs: 6000 },
		steps: [
			{
				runMs: 1000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: 'LOGON ITSOLNX2' } }]
			},
			{
				runMs: 2000,
				inputs: [
					{ after: 0, input: { kind: 'command', on: 'ITSOSSI1', text: 'LOGON MAINT' } },
					{ after: 1000, input: { kind: 'command', on: 'ITSOSSI2', text: 'LOGON MAINT' } }
				]
			},
			{
				runMs: 1000,
				inputs: [
					{
						after: 0,
						input: {
							kind: 'command',
							on: 'ITSOSSI1',
							text: 'SEND CP MAINT LINK LINUXCMS 191 291 MR'
						}
					}
				]
			},
			{
				runMs: 1000,
				inputs: [{ after: 0, input: { kind: 'command', on: 'ITSOSSI4', text: 'Q NAMES' } }]
			},
			{
				runMs: 22000,
				speed: 6,
				inputs: [
					{ after: 0, input: { kind: 'command', on: 'ITSOSSI4', text: 'FORCE ITSOLNX2' } },
					{
						after: 1000,
						input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI3' } }
					},
					{ after: 20000, input: { kind: 'command', on: 'ITSOSSI4', text: 'LOGON ITSOLNX2' } }
				]
			}
		]
	},
	steps: [
		{
			title: 'One logon in the whole cluster',
			body: [
				'A single-configuration user, a USER entry in the shared directory, has the same definition and resources on every member and "can only log on to one member in the cluster at a time" (000 §2.2.4). The cluster polices it: 001 lists single logon enforcement among the checks made cluster-wide.',
				'ITSOLNX2 runs on ITSOSSI4. Someone now types `LOGON ITSOLNX2` on ITSOSSI1.'
			],
			look: "ITSOSSI1's console.",
			question: {
				prompt: 'What does ITSOSSI1 answer to LOGON ITSOLNX2?',
				observe: {
					of: 'console-says',
					member: 'ITSOSSI1',
					text: 'can be logged on to only one member'
				},
				choices: [
					{
						label: 'It refuses: ITSOLNX2 is already logged on to ITSOSSI4',
						when: { is: true }
					},
					{ label: 'It logs on a second ITSOLNX2 on ITSOSSI1', when: { is: false } }
				],
				explain:
					'CP refuses: "ITSOLNX2 is logged on to ITSOSSI4". Two copies of one Linux guest writing the same disks would corrupt them, so every member checks the whole cluster before a USER logs on.'
			}
		},
		{
			title: 'IDENTITY users log on everywhere',
			body: [
				'Multiconfiguration users are IDENTITY entries. They can be logged on to several members at once: their common definitions are shared and each member adds its own SUBCONFIG, typically for system support machines like MAINT (000 §2.2.4, §2.2.9).',
				'MAINT logs on to ITSOSSI1, then to ITSOSSI2.'
			],
			look: 'The consoles of ITSOSSI1 and ITSOSSI2, and the member cards.',
			question: {
				prompt: 'Does the second LOGON MAINT, on ITSOSSI2, succeed?',
				observe: { of: 'console-says', member: 'ITSOSSI2', text: 'MAINT logged on to ITSOSSI2' },
				choices: [
					{ label: 'Yes: MAINT is an IDENTITY', when: { is: true } },
					{ label: 'No: it is already logged on to ITSOSSI1', when: { is: false } }
				],
				explain:
					'Yes. MAINT now runs on both members, each with the CMS disks of its own SUBCONFIG on its own volume. Single logon applies to USER entries only.'
			}
		},
		{
			title: 'Minidisk links checked across members',
			body: [
				'User minidisks are shared by all members, so "CP checks for conflicts throughout the cluster when a link is requested" (001 "Cross-System Minidisk Management").',
				"ITSOLNX2, on ITSOSSI4, linked LINUXCMS's 191 disk read/write when it logged on. Now MAINT, on ITSOSSI1, asks for the same disk in multiple-read mode, MR: write access if nobody else writes to it."
			],
			look: "ITSOSSI1's console: the answer MAINT receives.",
			question: {
				prompt: 'What access does MAINT get to LINUXCMS 191?',
				observe: { of: 'console-says', member: 'ITSOSSI1', text: 'forced R/O' },
				choices: [
					{ label: 'Read-only: ITSOSSI4 reports the other writer', when: { is: true } },
					{ label: 'Read/write: ITSOSSI1 knows only its own links', when: { is: false } }
				],
				explain:
					'"DASD 0291 forced R/O; R/W by ITSOLNX2 at ITSOSSI4": the link on another member counts exactly as a local one would. Coordinated link checking is what makes sharing minidisks across members safe.'
			}
		},
		{
			title: 'Spool, names and devices: one view',
			body: [
				'Other resources are shared the same way. Spool files are managed together: a USER sees all its spool files from whichever member it is on; each member writes on the spool volumes it owns and reads all of them (001 "Cross-System Spool"). Real devices get equivalency identifiers (EQIDs), the same on every member, so a guest finds the same disk or the same network after a relocation; for OSA, FCP and HiperSockets the administrator defines them (000 §2.2.7). MAC address prefixes must differ per member so that no two guests ever share an address (000 §2.2.8).',
				'ITSOSSI4 runs `Q NAMES`. MAINT is logged on to ITSOSSI1 and ITSOSSI2, not to ITSOSSI4.'
			],
			look: "ITSOSSI4's console.",
			question: {
				prompt: 'Does Q NAMES on ITSOSSI4 list MAINT?',
				observe: { of: 'console-says', member: 'ITSOSSI4', text: 'MAINT    - SSI' },
				choices: [
					{ label: 'Yes, as logged on elsewhere in the cluster (SSI)', when: { is: true } },
					{ label: 'No: it is not logged on to ITSOSSI4', when: { is: false } }
				],
				explain:
					'"MAINT - SSI": each member knows who is logged on anywhere in the cluster. That shared knowledge is what single logon, link checking and cross-system spool all rest on.'
			}
		},
		{
			title: 'What Safe mode locks down',
			body: [
				'ITSOLNX2 is logged off, and a second later ITSOSSI3 abends. The cluster goes to Safe mode once the others give up on ITSOSSI3\'s heartbeats. "Existing running workloads continue to run; new access to shared resources is locked down until failure is resolved" (001).',
				'Twenty seconds later the operator of ITSOSSI4 logs ITSOLNX2 on again. ITSOLNX2 is not logged on anywhere now.'
			],
			look: "The cluster mode, then ITSOSSI4's console.",
			question: {
				prompt: 'Can ITSOLNX2 log on to ITSOSSI4 while the cluster is Safe?',
				observe: { of: 'console-says', member: 'ITSOSSI4', text: 'the cluster is in Safe mode' },
				choices: [
					{
						label: 'No: ITSOSSI4 cannot check that it is not on another member',
						when: { is: true }
					},
					{ label: 'Yes: it is not logged on anywhere', when: { is: false } }
				],
				explain:
					"Refused. ITSOSSI3's state is unknown, so ITSOSSI4 cannot rule out that ITSOLNX2 is running there: single logon cannot be checked, and a USER logon is a new access to a shared resource. New minidisk links to shared disks are refused the same way, while everything already running carries on."
			}
		}
	]
};
