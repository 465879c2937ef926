/**
 * Lesson 7: VMRELOCATE TEST, an ineligible guest and the book's fix, on the App. A.1.1 scenario
 * (a DEVNO minidisk whose real device is attached to SYSTEM on the destination).
 */
import type { SimInput } from '../../core/sim/events';
import type { Lesson } from '../lesson';

/** A CP command typed on ITSOSSI4's console, where ITSOLNX2 runs. */
const on4 = (text: string): SimInput => ({ kind: 'command', on: 'ITSOSSI4', text });

export const ELIGIBILITY: Lesson = {
	slug: 'eligibility',
	title: 'Will it move? VMRELOCATE TEST and fixing an ineligible guest',
	summary:
		'Ask CP whether a guest can relocate, read the reason it gives, fix it with the Redbook’s own commands and test again.',
	sources: [
		{ doc: '000', section: '§3.6.2 (relocation steps)' },
		{ doc: '000', section: '§3.7' },
		{ doc: '000', section: 'App. A.1.1 (Examples A-1 … A-3)' },
		{ doc: '000', section: 'App. A.1.2 … A.1.5' },
		{ doc: '001', section: '"Cross-System CP Commands"' },
		{ doc: '001', section: '"Live Guest Relocation ..."' },
		{ doc: '001', section: '"SSI Cluster Requirements"' }
	],
	script: {
		scenario: 'a11-devno',
		seed: 1,
		steps: [
			// The scenario's own operator types the TEST at 15:15:09 (9 s in).
			{ runMs: 12_000, speed: 4 },
			{
				runMs: 6000,
				speed: 2,
				inputs: [
					{ after: 0, input: on4('q 9a26') },
					{ after: 1000, input: on4('at itsossi1 cmd q 9a26') },
					{ after: 2000, input: on4('at itsossi1 cmd det 9a26 system') },
					{ after: 3000, input: on4('at itsossi1 cmd q 9a26') }
				]
			},
			{
				runMs: 5000,
				speed: 2,
				inputs: [{ after: 0, input: on4('vmrelocate test user itsolnx2 to itsossi1') }]
			},
			{
				runMs: 50_000,
				speed: 15,
				inputs: [{ after: 0, input: on4('vmrelocate move user itsolnx2 to itsossi1') }]
			}
		]
	},
	steps: [
		{
			title: 'Ask CP before you move',
			body: [
				'Before a guest is moved, CP can be asked whether it could go: `VMRELOCATE TEST` runs every eligibility check of a relocation and moves nothing. It answers either that the user is eligible, or `HCPRLH1940E` followed by one line for each reason (000 §3.6.2, step 3).',
				'Here the Linux guest ITSOLNX2 runs on ITSOSSI4. Its 300 disk is a whole volume named by its real device number, `MDISK 0300 3390 DEVNO 9A26 MR`, instead of by volume serial and cylinders (000 App. A.1.1, Example A-1).',
				'At 15:15:09 the operator types `vmrelocate test user itsolnx2 to itsossi1` on ITSOSSI4.'
			],
			look: 'The ITSOSSI4 console.',
			question: {
				prompt: 'Is ITSOLNX2 eligible to relocate to ITSOSSI1?',
				observe: { of: 'console-says', member: 'ITSOSSI4', text: 'is eligible for relocation' },
				choices: [
					{ label: 'Yes: CP says it is eligible', when: { is: true } },
					{ label: 'No: CP lists a reason it cannot go', when: { is: false } }
				],
				explain:
					'CP answers `HCPRLH1940E` with one reason, `HCPRLI1981I`: a DEVNO minidisk can only be created again on the destination if the same real device there is free, or is a DEVNO minidisk itself. On ITSOSSI1, device 9A26 is neither. Nothing is wrong with the guest: it is the state of a device on the destination that stops it (000 §3.7, "device state conditions").'
			}
		},
		{
			title: 'Look at the device on both members',
			body: [
				'`QUERY 9A26` shows the device on the member you are logged on to. `AT ITSOSSI1 CMD` runs a command on another member of the cluster without logging on there (001 "Cross-System CP Commands"; 000 Example A-3).',
				'The operator queries 9A26 on ITSOSSI4, then on ITSOSSI1, then applies the book’s fix, `at itsossi1 cmd det 9a26 system`, and queries it once more.'
			],
			look: 'The ITSOSSI4 console: the answers from ITSOSSI1 come back there.',
			question: {
				prompt: 'Before the DETACH, is device 9A26 free on ITSOSSI1?',
				observe: { of: 'console-says', member: 'ITSOSSI4', text: 'DASD 9A26 CP SYSTEM US9A26' },
				choices: [
					{ label: 'Yes, it is free', when: { is: false } },
					{ label: 'No: CP has it attached to SYSTEM', when: { is: true } }
				],
				explain:
					'ITSOSSI1 answers `DASD 9A26 CP SYSTEM US9A26 0`: CP on ITSOSSI1 has the volume attached to SYSTEM, so it is neither free nor a DEVNO minidisk. After `DETACH 9A26 SYSTEM` the same query shows only `DASD 9A26 US9A26`: the device is free. Volumes should be cabled to every member (001 "SSI Cluster Requirements"), so ITSOSSI1 reaches 9A26 too and can give it to ITSOLNX2 when the guest arrives.'
			}
		},
		{
			title: 'Test again',
			body: [
				'The book’s advice is a loop: test, fix each reason, test again until CP has nothing to say (000 §3.6.2, step 3). The operator repeats `vmrelocate test user itsolnx2 to itsossi1`.'
			],
			look: 'The ITSOSSI4 console.',
			question: {
				prompt: 'With 9A26 free on ITSOSSI1, is ITSOLNX2 eligible now?',
				observe: { of: 'console-says', member: 'ITSOSSI4', text: 'is eligible for relocation' },
				choices: [
					{ label: 'Yes', when: { is: true } },
					{ label: 'No, something else still stops it', when: { is: false } }
				],
				explain:
					'CP answers `User ITSOLNX2 is eligible for relocation to ITSOSSI1`, as in the book’s Example A-3. The one reason is gone, and TEST checks everything a MOVE checks before it starts, so a MOVE now would begin.'
			}
		},
		{
			title: 'Move it',
			body: [
				'`vmrelocate move user itsolnx2 to itsossi1` starts the relocation. Only the guest’s memory and state travel over the ISFC link; its disks stay where they are, since both members reach them (000 §3.2).',
				'Other App. A cases end the same way once fixed: links to the local CMS disks 190, 19D and 19E are dropped with `send cp itsolnx2 det 190 19d 19e` (A.1.2); a shareable V-DISK is replaced by a private one defined with `DEFINE VFB-512` (A.1.3); dedicated OSAs get an EQID so the destination has equivalents (A.1.5). A CMS guest such as VMLOGS cannot relocate at all and is logged on elsewhere instead (A.1.4).'
			],
			look: 'The member cards and the Relocations panel.',
			question: {
				prompt: 'Once the MOVE has ended, where does ITSOLNX2 run?',
				observe: { of: 'guest-member', user: 'ITSOLNX2' },
				choices: [
					{ label: 'On ITSOSSI1', when: { is: 'ITSOSSI1' } },
					{ label: 'Still on ITSOSSI4', when: { is: 'ITSOSSI4' } },
					{ label: 'Nowhere: it was logged off', when: { is: 'not logged on' } }
				],
				explain:
					'The guest kept running on ITSOSSI4 while its memory was copied, stopped for a fraction of a second, and resumed on ITSOSSI1: CP printed `User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI1`. ITSOSSI4 then logged off what was left of it there, as the LOGOFF notices of Example A-6 show.'
			}
		}
	]
};
