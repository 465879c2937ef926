/**
 * Lesson 12: where live guest relocation sits among high availability, continuous operations
 * and continuous availability, on ITSOSSIA: an unplanned crash against a planned shutdown.
 */
import type { SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

const cp = (on: string, text: string): SimInput => ({ kind: 'command', on, text });

export const LGR_AND_AVAILABILITY: Lesson = {
	slug: 'lgr-and-availability',
	title: 'Planned, not unplanned: where LGR fits in availability',
	summary:
		'Crash a member and then take one down for maintenance, and see which outage live guest relocation avoids and which it cannot.',
	sources: [
		{ doc: '000', section: '§3.1' },
		{ doc: '002', section: '"Hierarchy of Availability"' },
		{
			doc: '002',
			section: '"High Availability", "Continuous Operations", "Continuous Availability"'
		},
		{ doc: '002', section: '"Tools in Your HA Toolbox"' },
		{ doc: '001', section: '"Live Guest Relocation"' },
		{ doc: '000', section: '§2.4.2 (SSI cluster modes)' }
	],
	script: {
		scenario: 'itsossia',
		seed: 12,
		prelude: { runMs: 5000 },
		steps: [
			{
				runMs: 20_000,
				speed: 5,
				inputs: [
					{
						after: 0,
						input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI2' } }
					}
				]
			},
			{
				runMs: 10_000,
				speed: 3,
				inputs: [
					{ after: 0, input: cp('ITSOSSI1', 'query ssi') },
					{ after: 1000, input: cp('ITSOSSI1', 'vmrelocate test itsolnx1 itsossi3') }
				]
			},
			{
				runMs: 60_000,
				speed: 15,
				inputs: [{ after: 0, input: { kind: 'ipl', member: 'ITSOSSI2' } }]
			},
			{
				runMs: 80_000,
				speed: 20,
				inputs: [
					{ after: 0, input: cp('ITSOSSI1', 'vmrelocate move itsolnx1 itsossi3') },
					{ after: 50_000, input: { kind: 'shutdown', member: 'ITSOSSI1' } }
				]
			},
			{
				runMs: 30_000,
				speed: 8,
				inputs: [{ after: 0, input: { kind: 'shutdown', member: 'ITSOSSI4' } }]
			}
		]
	},
	steps: [
		{
			title: 'A member crashes',
			body: [
				'002 ranks availability in three levels. High availability avoids unplanned outages, with failure detection and automatic failover. Continuous operations avoids planned outages, with changes and upgrades that do not disrupt. Continuous availability avoids both (002 "Hierarchy of Availability").',
				'All four members of ITSOSSIA are up, each running one Linux guest. Without warning, ITSOSSI2 abends, with ITSOLNX2 on it.'
			],
			look: 'The member cards and the Relocations panel.',
			question: {
				prompt: 'Does CP relocate ITSOLNX2 to a surviving member?',
				observe: { of: 'relocation-outcome', user: 'ITSOLNX2' },
				choices: [
					{ label: 'Yes, it is relocated', when: { is: 'relocated' } },
					{ label: 'It tries, but the relocation fails', when: { is: 'terminated' } },
					{ label: 'No relocation happens at all', when: { is: 'none' } }
				],
				explain:
					'Relocations are started only by a VMRELOCATE command: "The command is not automatically issued for any guest", so LGR is neither a high availability nor a disaster recovery solution (000 §3.1; 001: "relocations are NOT automatically done by the system"). And a guest can only be relocated from a running member: its memory was on ITSOSSI2. ITSOLNX2 went down with it.'
			}
		},
		{
			title: 'The cluster is in Safe mode',
			body: [
				'ITSOSSI2 stopped communicating and the other members cannot determine its state (`QUERY SSI` shows it as Unknown), so the cluster goes to Safe mode: existing work and accesses go on, but new access to shared resources fails until the failure is resolved (000 §2.4.1, §2.4.2).',
				'On ITSOSSI1 the operator checks the cluster with `query ssi`, then, wanting to move ITSOLNX1 off ITSOSSI1 to be on the safe side, tests: `vmrelocate test itsolnx1 itsossi3`.'
			],
			look: 'The mode banner and the ITSOSSI1 console.',
			question: {
				prompt: 'Is ITSOLNX1 eligible to relocate to ITSOSSI3 now?',
				observe: { of: 'console-says', member: 'ITSOSSI1', text: 'is eligible for relocation' },
				choices: [
					{ label: 'Yes: both members are fine', when: { is: true } },
					{ label: 'No: not while the cluster is in Safe mode', when: { is: false } }
				],
				explain:
					'CP refuses while the cluster is in Safe mode: a relocation needs the cluster-wide view of guests and resources that Safe mode suspends. Right after an unplanned failure, even the planned tool is out of reach until the failure is resolved.'
			}
		},
		{
			title: 'ITSOSSI2 comes back',
			body: [
				'The operator IPLs ITSOSSI2 again. It rejoins the cluster, and the cluster becomes Stable.'
			],
			look: 'The mode banner and ITSOSSI2’s member card.',
			question: {
				prompt: 'Once ITSOSSI2 has rejoined, where does ITSOLNX2 run?',
				observe: { of: 'guest-member', user: 'ITSOLNX2' },
				choices: [
					{ label: 'On ITSOSSI2 again, as before the crash', when: { is: 'ITSOSSI2' } },
					{ label: 'Nowhere: someone has to start it again', when: { is: 'not logged on' } }
				],
				explain:
					'ITSOLNX2 stays logged off until it is started again, with `XAUTOLOG` on any member, and then it boots from scratch: whatever it held in memory is lost. Recovering from an unplanned outage is the job of high availability tools (002 "Tools in Your HA Toolbox": resilient hardware, disk mirroring, HA software such as clustered databases), not of LGR.'
			}
		},
		{
			title: 'Planned maintenance on ITSOSSI1',
			body: [
				'This is what LGR is for: moving Linux guests off a member without disruption so the member can be serviced (000 §3.1), avoiding a planned outage, continuous operations in 002’s terms.',
				'The operator moves ITSOLNX1 to ITSOSSI3, `vmrelocate move itsolnx1 itsossi3`, and once it has arrived shuts ITSOSSI1 down.'
			],
			look: 'The Relocations panel, then ITSOSSI1’s member card.',
			question: {
				prompt: 'After ITSOSSI1 has shut down, where does ITSOLNX1 run?',
				observe: { of: 'guest-member', user: 'ITSOLNX1' },
				choices: [
					{ label: 'On ITSOSSI3', when: { is: 'ITSOSSI3' } },
					{ label: 'Nowhere: it went down with ITSOSSI1', when: { is: 'not logged on' } }
				],
				explain:
					'ITSOLNX1 was stopped for a fraction of a second during the move and then ran on ITSOSSI3; the shutdown of ITSOSSI1 did not touch it. The member can now be serviced while its work goes on elsewhere: "Think of LGR as a continuous availability solution for the virtual Linux guest" (000 §3.1), for planned outages.'
			}
		},
		{
			title: 'A planned shutdown, unprepared',
			body: [
				'LGR only helps if it is used before the outage. ITSOSSI4 is shut down next, with ITSOLNX4 still running on it.'
			],
			look: 'ITSOSSI4’s member card.',
			question: {
				prompt: 'Does the shutdown relocate ITSOLNX4 before ITSOSSI4 goes down?',
				observe: { of: 'relocation-outcome', user: 'ITSOLNX4' },
				choices: [
					{ label: 'Yes, CP moves it to another member first', when: { is: 'relocated' } },
					{ label: 'No: it goes down with ITSOSSI4', when: { is: 'none' } }
				],
				explain:
					'A shutdown does not relocate anything: ITSOLNX4 went down with its member, a planned outage for its users. The cluster itself stays Stable, because ITSOSSI4 left it in an orderly way, but the guest’s service stopped. The planned shutdown only becomes non-disruptive when the operator relocates each guest first, as in the previous step.'
			}
		}
	]
};
