import type { Lesson } from '../lesson';

const on = (member: string, text: string) => ({ kind: 'command' as const, on: member, text });

/** Lesson 6: relocation domains and architecture fencing (000 §3.5, §3.6.1, App. A.1.6; 001 "Relocation Domains"). */
export const RELOCATION_DOMAINS: Lesson = {
	slug: 'relocation-domains-and-fencing',
	title: 'Relocation domains and architecture fencing',
	summary:
		'Put a guest in a domain, see where it may go and why, and what FORCE DOMAIN and FORCE ARCHITECTURE really override.',
	sources: [
		{ doc: '000', section: '§3.5.1 Characteristics of relocation domains (Figure 3-5)' },
		{ doc: '000', section: '§3.5.3 Placing virtual servers into relocation domains (Example 3-4)' },
		{ doc: '000', section: '§3.6.1 VMRELOCATE command' },
		{ doc: '000', section: 'App. A.1.6 Relocation outside domains' },
		{ doc: '001', section: '"Relocation Domains"; "Architecture Fencing in Domains"' }
	],
	script: {
		scenario: 'vmsys',
		seed: 35,
		steps: [
			{
				runMs: 1000,
				inputs: [
					{ after: 0, input: on('VMSYS02', 'Q RELODOMAIN ALL') },
					{ after: 10, input: on('VMSYS02', 'XAUTOLOG LNXX') },
					{ after: 20, input: on('VMSYS02', 'Q VMRELOCATE LNXX') }
				]
			},
			{
				runMs: 1000,
				inputs: [
					{ after: 0, input: on('VMSYS02', 'SET VMRELOCATE LNXX ON DOMAIN X') },
					{ after: 10, input: on('VMSYS02', 'VMRELOCATE TEST LNXX TO VMSYS04') }
				]
			},
			{
				runMs: 12000,
				speed: 4,
				inputs: [{ after: 0, input: on('VMSYS02', 'VMRELOCATE MOVE LNXX TO VMSYS03') }]
			},
			{
				runMs: 1000,
				inputs: [{ after: 0, input: on('VMSYS03', 'VMRELOCATE TEST LNXX TO VMSYS04 FORCE DOMAIN') }]
			},
			{
				runMs: 12000,
				speed: 4,
				inputs: [
					{
						after: 0,
						input: on('VMSYS03', 'VMRELOCATE MOVE LNXX TO VMSYS04 FORCE DOMAIN ARCHITECTURE')
					}
				]
			}
		]
	},
	steps: [
		{
			title: 'Domains and their architecture level',
			body: [
				'A relocation domain is a set of members among which a guest may be relocated. CP defines a domain named SSI with every member, and one single-member domain per member; the administrator adds others with `DEFINE RELODOMAIN` or RELOCATION_DOMAIN in SYSTEM CONFIG (000 §3.5.1-3.5.2).',
				'Each domain has an architecture level: the facilities common to all its members. A guest sees only those, whichever member it is on: CP fences off the rest, so that it never depends on a facility its next member lacks (001 "Architecture Fencing in Domains").',
				"This is 000's Figure 3-5: VMSYS01-04 on four servers with different facilities, and domains X (VMSYS02, VMSYS03), Y (VMSYS02, VMSYS04) and Z (VMSYS03, VMSYS04). The operator starts the Linux guest LNXX on VMSYS02; its directory entry names no domain."
			],
			look: "VMSYS02's console: Q RELODOMAIN ALL, then Q VMRELOCATE LNXX.",
			question: {
				prompt: 'Which relocation domain is LNXX in?',
				observe: {
					of: 'console-says',
					member: 'VMSYS02',
					text: 'Relocation enabled in Domain SSI'
				},
				choices: [
					{ label: 'SSI: every member of the cluster', when: { is: true } },
					{ label: 'VMSYS02: its own member only', when: { is: false } }
				],
				explain:
					"SSI. A USER with no domain in its directory entry is assigned to the cluster-wide domain SSI and can move to any member, using only the facilities all four share (GIEF and EX-EXT). An IDENTITY would get its member's single-member domain and could not relocate at all (000 §3.5.1)."
			}
		},
		{
			title: 'Into domain X',
			body: [
				'Suppose LNXX needs FACILITY X, which only VMSYS02 and VMSYS03 have. Then it belongs in domain X, whose level includes that facility. `SET VMRELOCATE` moves it there (000 Example 3-4); the directory is the better place, so that the level is set at logon (000 §3.5.3).',
				'Then the operator asks whether LNXX could go to VMSYS04, a member of the cluster but not of domain X.'
			],
			look: "VMSYS02's console: the TEST's answer.",
			question: {
				prompt: 'What does VMRELOCATE TEST LNXX TO VMSYS04 answer?',
				observe: { of: 'console-says', member: 'VMSYS02', text: 'HCPRLE1944I' },
				choices: [
					{ label: 'Not relocatable: architecture incompatibility', when: { is: true } },
					{ label: 'Eligible: VMSYS04 is in the cluster', when: { is: false } }
				],
				explain:
					'`HCPRLH1940E` with `HCPRLE1944I LNXX: Architecture incompatibility`, the answer the Redbook got for its guest outside its domain (000 App. A.1.6). A guest relocates only between members of its domain.'
			}
		},
		{
			title: 'Inside the domain',
			body: ['Within domain X the guest moves freely. LNXX relocates from VMSYS02 to VMSYS03.'],
			look: 'Relocations and the member cards.',
			question: {
				prompt: 'Where does LNXX run at the end of the step?',
				observe: { of: 'guest-member', user: 'LNXX' },
				choices: [
					{ label: 'VMSYS03', when: { is: 'VMSYS03' } },
					{ label: 'VMSYS02: the move was refused', when: { is: 'VMSYS02' } },
					{ label: 'Nowhere', when: { is: 'not logged on' } }
				],
				explain:
					'On VMSYS03: both members are in domain X and both have every facility of its level, so the move is allowed and the guest keeps the same architecture on arrival.'
			}
		},
		{
			title: 'FORCE DOMAIN is not enough',
			body: [
				"`VMRELOCATE` can override the domain with FORCE DOMAIN, and the architecture check with FORCE ARCHITECTURE (000 §3.6.1). In the Redbook's case FORCE DOMAIN alone did it, because its guest's level was available on the destination (000 App. A.1.6).",
				"Here the operator tests LNXX to VMSYS04 with FORCE DOMAIN. Domain X's level includes FACILITY X; VMSYS04 has FLOAT-PT and E-MONITOR, but not FACILITY X."
			],
			look: "VMSYS03's console.",
			question: {
				prompt: 'Does FORCE DOMAIN make LNXX eligible for VMSYS04?',
				observe: { of: 'console-says', member: 'VMSYS03', text: 'Architecture incompatibility' },
				choices: [
					{ label: 'No: the architecture still does not match', when: { is: true } },
					{ label: 'Yes: the domain was the only obstacle', when: { is: false } }
				],
				explain:
					'Still "Architecture incompatibility". FORCE DOMAIN lets a guest leave its domain, but it does not give VMSYS04 a facility it lacks: LNXX may be using FACILITY X, which VMSYS04 cannot provide.'
			}
		},
		{
			title: 'Forcing both',
			body: [
				'With FORCE DOMAIN ARCHITECTURE the operator takes responsibility for both. The Redbook warns: "Depending on which resource is forced, the result can be unpredictable, including a guest abend" (000 App. A.1.6). A guest that uses a facility its new member lacks fails when it next tries to.'
			],
			look: 'VMSYS03\'s console: the move "started with FORCE ARCHITECTURE DOMAIN in effect".',
			question: {
				prompt: 'Where does LNXX run at the end of the step?',
				observe: { of: 'guest-member', user: 'LNXX' },
				choices: [
					{ label: 'VMSYS04', when: { is: 'VMSYS04' } },
					{ label: 'VMSYS03: still refused', when: { is: 'VMSYS03' } },
					{ label: 'Nowhere', when: { is: 'not logged on' } }
				],
				explain:
					'VMSYS04: both checks were overridden, and the simulation, like CP, moves the guest. Whether LNXX survives there depends on whether it really used FACILITY X. Domains exist so that this question never has to be asked in production.'
			}
		}
	]
};
